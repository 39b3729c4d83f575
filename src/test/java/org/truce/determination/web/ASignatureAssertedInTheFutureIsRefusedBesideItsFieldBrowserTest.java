package org.truce.determination.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the US co-chair signs a draft determination on its page, typing a
 * time in the future as the moment the side signed. The same page comes back, not the
 * problem page, with the reason beside the time field and what was typed still in the
 * form; nothing is signed. The time field says it takes Damascus time. Skipped when
 * Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class ASignatureAssertedInTheFutureIsRefusedBesideItsFieldBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static String determination;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		truce.user("co-chair-us", "co-chair:united-states");
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		Http.Response drafted = truce.http("monitor")
			.postJson("/api/incidents/" + incident + "/determinations",
					DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone during the pause."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		determination = drafted.json().get("id").asString();
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theFormComesBackWithTheReasonBesideTheTimeAndWhatWasTyped() {
		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000))) {
			Page page = context.newPage();
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			page.onPageError(error -> errors.add("page error: " + error));
			page.onResponse(response -> {
				if (response.status() >= 400 && response.status() != 422) {
					errors.add(response.status() + " " + response.url());
				}
			});
			SignIn.as(page, truce, "co-chair-us");
			page.navigate(truce.baseUri().resolve("/determinations/" + determination).toString());

			Locator form = page.locator("#sign-form-united-states");
			assertThat(form.locator(".time-zone")).hasText("Asia/Damascus");
			form.locator("input[name=assertedAt]").fill("2999-01-01T12:00");
			form.locator("input[name=assertedBy]").fill("US delegation");
			form.locator("input[name=assertedDocument]").fill("Minutes of a meeting not yet held");
			page.click("#sign-united-states");
			page.waitForLoadState();

			Locator again = page.locator("#sign-form-united-states");
			Locator problem = again.locator(".field-problem[data-field='asserted.at']");
			assertThat(problem).isVisible();
			assertThat(problem).hasAttribute("data-code", "ASSERTED_AFTER_RECORDED");
			assertThat(problem).containsText("later than the time it is recorded");
			assertThat(again.locator("input[name=assertedAt]")).hasValue("2999-01-01T12:00");
			assertThat(again.locator("input[name=assertedBy]")).hasValue("US delegation");
			assertThat(again.locator("input[name=assertedDocument]")).hasValue("Minutes of a meeting not yet held");
			assertThat(page.locator("#side-united-states")).hasAttribute("data-signed", "false");
			assertThat(errors).as("errors on %s", page.url()).isEmpty();
		}
	}

}
