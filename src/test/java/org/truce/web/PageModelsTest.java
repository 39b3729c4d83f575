package org.truce.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attributes every page holds are worked out only for a page: an API answer (no model
 * and view) and a redirect (whose model would become its query) get none.
 */
class PageModelsTest {

	private final AtomicInteger asked = new AtomicInteger();

	private final PageModel reader = new PageModel() {
		@Override
		public String attribute() {
			return "signedIn";
		}

		@Override
		public Object value(HttpServletRequest request) {
			PageModelsTest.this.asked.incrementAndGet();
			return "reader of " + request.getRequestURI();
		}
	};

	private final PageModels.Adding adding = new PageModels.Adding(List.of(this.reader, fixed("nav", "links")));

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/incidents");

	@Test
	void aPageGetsEveryAttributeButKeepsWhatItsControllerSet() {
		ModelAndView page = new ModelAndView("incidents");
		page.addObject("nav", "the controller's own");

		this.adding.postHandle(this.request, new MockHttpServletResponse(), new Object(), page);

		assertThat(page.getModel()).containsEntry("signedIn", "reader of /incidents")
			.containsEntry("nav", "the controller's own");
		assertThat(this.asked).hasValue(1);
	}

	@Test
	void anApiAnswerAndARedirectGetNothing() {
		this.adding.postHandle(this.request, new MockHttpServletResponse(), new Object(), null);
		ModelAndView redirect = new ModelAndView("redirect:/incidents/1");
		this.adding.postHandle(this.request, new MockHttpServletResponse(), new Object(), redirect);
		ModelAndView redirectView = new ModelAndView(new RedirectView("/login"));
		this.adding.postHandle(this.request, new MockHttpServletResponse(), new Object(), redirectView);

		assertThat(this.asked).hasValue(0);
		assertThat(redirect.getModel()).isEmpty();
		assertThat(redirectView.getModel()).isEmpty();
	}

	private static PageModel fixed(String name, Object value) {
		return new PageModel() {
			@Override
			public String attribute() {
				return name;
			}

			@Override
			public Object value(HttpServletRequest request) {
				return value;
			}
		};
	}

}
