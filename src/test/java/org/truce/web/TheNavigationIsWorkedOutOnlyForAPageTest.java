package org.truce.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring gives the navigation's advice to every controller, the API's too. The security
 * rules are asked about each page only when a page reads the navigation, and only once:
 * an API request, which renders none, asks nothing.
 */
class TheNavigationIsWorkedOutOnlyForAPageTest {

	private final AtomicInteger asked = new AtomicInteger();

	/** Allows every page but the ledger's. */
	private final WebInvocationPrivilegeEvaluator rules = new WebInvocationPrivilegeEvaluator() {
		@Override
		public boolean isAllowed(String uri, Authentication authentication) {
			return isAllowed(null, uri, "GET", authentication);
		}

		@Override
		public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
			TheNavigationIsWorkedOutOnlyForAPageTest.this.asked.incrementAndGet();
			return !uri.equals("/ledger");
		}
	};

	private final HttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports");

	@Test
	void aRequestThatRendersNoPageAsksNothing() {
		new Navigation(this.rules).nav(this.request);

		assertThat(this.asked).hasValue(0);
	}

	@Test
	void aPageAsksOnceAboutEachPage() {
		List<Navigation.Link> nav = new Navigation(this.rules).nav(new MockHttpServletRequest("GET", "/inbox"));

		assertThat(nav).extracting(Navigation.Link::path).doesNotContain("/ledger").contains("/", "/inbox");
		assertThat(nav).filteredOn(Navigation.Link::current)
			.extracting(Navigation.Link::path)
			.containsExactly("/inbox");
		nav.forEach(link -> assertThat(link.label()).isNotBlank());
		assertThat(this.asked).hasValue(Navigation.PAGES.size());
	}

}
