package org.truce.identity.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The last authorisation rule: a request that no controller or endpoint handles at all
 * may pass, so that it gets its 404 (or 405, 415 when the path exists for other methods
 * or media types) instead of a misleading 401 or 403. Every request a controller does
 * handle and that no earlier rule allows is denied: deny by default.
 */
final class UnmappedPaths implements AuthorizationManager<RequestAuthorizationContext> {

	private final ListableBeanFactory beans;

	private volatile List<RequestMappingInfoHandlerMapping> mappings;

	UnmappedPaths(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public AuthorizationDecision authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(!handled(context.getRequest()));
	}

	private boolean handled(HttpServletRequest request) {
		for (RequestMappingInfoHandlerMapping mapping : mappings()) {
			try {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			catch (Exception ex) {
				// The path exists but not for this method or media type: MVC answers 405
				// or 415.
			}
		}
		return false;
	}

	private List<RequestMappingInfoHandlerMapping> mappings() {
		List<RequestMappingInfoHandlerMapping> found = this.mappings;
		if (found == null) {
			found = List.copyOf(this.beans.getBeansOfType(RequestMappingInfoHandlerMapping.class).values());
			this.mappings = found;
		}
		return found;
	}

}
