package org.truce.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page loads in a real browser (Debian's Chromium) under the Content Security
 * Policy the server sends, without one violation, console error or script error: the map,
 * the sign-in page, the ledger page and Swagger UI. Skipped when Chromium is not
 * installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class PagesKeepToTheContentSecurityPolicyBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theMapLoadsWithoutViolations() {
		assertCleanLoad("/", "#map[data-layers*='syria-admin1']");
	}

	@Test
	void theSignInPageLoadsWithoutViolations() {
		assertCleanLoad("/login", "#username");
	}

	@Test
	void theLedgerPageLoadsWithoutViolations() {
		assertCleanLoad("/ledger", "#report-id");
	}

	@Test
	void theStatisticsPageLoadsWithoutViolations() {
		// No agreement is loaded here, so the form alone; the statistics browser test
		// watches the charts (inline SVG) for violations on the demo.
		assertCleanLoad("/statistics", "#statistics-filters");
	}

	@Test
	void swaggerUiLoadsWithoutViolationsAndListsTheApi() {
		assertCleanLoad("/swagger-ui.html", ".opblock");
	}

	private static void assertCleanLoad(String path, String rendered) {
		try (BrowserContext context = chromium.newContext()) {
			context.addInitScript(Chromium.WATCH_VIOLATIONS);
			Page page = context.newPage();
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			page.onPageError(error -> errors.add("page error: " + error));
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())
						|| "warning".equals(message.type()) && message.text().contains("Content Security Policy")) {
					errors.add("console " + message.type() + ": " + message.text());
				}
			});
			page.onResponse(response -> {
				if (response.status() >= 400) {
					errors.add(response.status() + " " + response.url());
				}
			});
			Response first = page.navigate(truce.baseUri().resolve(path).toString());
			assertThat(first.headerValue("content-security-policy")).as("the policy of %s", path)
				.contains("script-src 'self'")
				.contains("frame-ancestors 'none'");
			page.waitForSelector(rendered);
			page.waitForLoadState(LoadState.NETWORKIDLE);
			@SuppressWarnings("unchecked")
			List<String> violations = (List<String>) page.evaluate("() => window.__violations");
			assertThat(violations).as("CSP violations on %s", path).isEmpty();
			assertThat(errors).as("errors on %s", path).isEmpty();
		}
	}

}
