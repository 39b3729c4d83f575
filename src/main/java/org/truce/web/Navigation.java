package org.truce.web;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AuthorizationManagerWebInvocationPrivilegeEvaluator.HttpServletRequestTransformer;
import org.springframework.security.web.access.PathPatternRequestTransformer;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The navigation of every page ({@code nav}): the pages a reader may open, in this order,
 * each shown only when the security configuration lets the reader open it. So the links
 * follow the rules of {@code SecurityConfiguration#authorize} and cannot drift from them.
 * Pages about one thing (an incident, a notification) are reached from these. Only in a
 * web application, as the security configuration is.
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
@ConditionalOnWebApplication
class Navigation implements PageModel {

	/** The pages, in the order of the navigation. */
	static final List<Page> PAGES = List.of(new Page("/", "nav.map", "map-link"),
			new Page("/incidents", "nav.incidents", "incidents-link"), new Page("/inbox", "nav.inbox", "inbox-link"),
			new Page("/review", "nav.review", "review-link"),
			new Page("/determinations/queue", "nav.determinations", "determinations-link"),
			new Page("/notifications", "nav.notifications", "notifications-link"),
			new Page("/access-requests", "nav.access-requests", "access-requests-link"),
			new Page("/positions", "nav.positions", "positions-link"),
			new Page("/bulletins", "nav.bulletins", "bulletins-link"),
			new Page("/statistics", "nav.statistics", "statistics-link"),
			new Page("/ledger", "nav.ledger", "ledger-link"));

	private final WebInvocationPrivilegeEvaluator privileges;

	Navigation(WebInvocationPrivilegeEvaluator privileges) {
		this.privileges = privileges;
	}

	@Override
	public String attribute() {
		return "nav";
	}

	@Override
	public List<Link> value(HttpServletRequest request) {
		return nav(request);
	}

	/**
	 * The links, worked out when a page first reads them (only pages are given them, see
	 * {@link PageModels}; a page that shows no navigation does not ask the security rules
	 * either).
	 */
	List<Link> nav(HttpServletRequest request) {
		var reader = SecurityContextHolder.getContext().getAuthentication();
		String context = request.getContextPath();
		String here = request.getRequestURI().substring(context.length());
		return new Lazy<>(() -> PAGES.stream()
			.filter(p -> this.privileges.isAllowed(context, p.path(), "GET", reader))
			.map(p -> new Link(p.path(), p.label(), p.id(), p.path().equals(here)))
			.toList());
	}

	/** A list made by {@code make} when it is first read, once. */
	static final class Lazy<T> extends AbstractList<T> {

		private final Supplier<List<T>> make;

		private List<T> made;

		Lazy(Supplier<List<T>> make) {
			this.make = make;
		}

		private List<T> made() {
			if (this.made == null) {
				this.made = this.make.get();
			}
			return this.made;
		}

		@Override
		public T get(int index) {
			return made().get(index);
		}

		@Override
		public int size() {
			return made().size();
		}

	}

	/**
	 * A page of the navigation, the key of its label in {@code messages*.properties} and
	 * the id of its link.
	 */
	record Page(String path, String label, String id) {

	}

	/**
	 * A link of the navigation: {@code label} is the key of its text; {@code current}
	 * when it is the page shown.
	 */
	record Link(String path, String label, String id, boolean current) {

	}

	/**
	 * The requests the navigation asks about, as Spring Security's privilege evaluator
	 * makes them (its own, which takes it from the context), answering as a plain request
	 * would: the evaluator's stand-in requests have no dispatcher type, which the rules
	 * for asynchronous dispatches ask for.
	 */
	@Component
	@ConditionalOnWebApplication
	static final class PlainRequests implements HttpServletRequestTransformer {

		private final PathPatternRequestTransformer paths = new PathPatternRequestTransformer();

		@Override
		public HttpServletRequest transform(HttpServletRequest request) {
			return new HttpServletRequestWrapper(this.paths.transform(request)) {
				@Override
				public DispatcherType getDispatcherType() {
					return DispatcherType.REQUEST;
				}
			};
		}

	}

}
