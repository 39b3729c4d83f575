package org.truce.identity.web;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.truce.identity.application.Readers;
import org.truce.identity.model.Viewer;

/**
 * Gives a controller method that declares a {@link Viewer} parameter the reader of the
 * request: the public when nobody is signed in.
 */
@Component
public class CurrentViewer implements HandlerMethodArgumentResolver {

	private final Readers readers;

	CurrentViewer(Readers readers) {
		this.readers = readers;
	}

	/** The reader of the current request. */
	public Viewer current() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		return who == null ? Viewer.PUBLIC : this.readers.viewer(who.userId(), who.grants());
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().equals(Viewer.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return current();
	}

}
