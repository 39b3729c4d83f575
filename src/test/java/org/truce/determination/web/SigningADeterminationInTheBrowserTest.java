package org.truce.determination.web;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
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
 * The two co-chairs sign a determination on its page, in a real browser (Debian's
 * Chromium): after the US co-chair signs it is still a draft, awaiting Russia; it is
 * effective only after the Russian co-chair's signature. Skipped when Chromium is not
 * installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class SigningADeterminationInTheBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		truce.user("co-chair-us", "co-chair:united-states");
		truce.user("co-chair-ru", "co-chair:russia");
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theUsCoChairSignsAndItStaysADraftUntilTheRussianCoChairSigns() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		Http.Response drafted = truce.http("monitor")
			.postJson("/api/incidents/" + incident + "/determinations",
					DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone during the pause."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asString();

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			signIn(page, "co-chair-us");
			page.navigate(truce.baseUri().resolve("/determinations/queue").toString());
			assertThat(page.locator("#queued-" + id)).isVisible();
			page.click("#queued-" + id + " a");
			page.waitForURL("**/determinations/" + id);
			assertThat(page.locator("#status")).hasText("DRAFT");
			assertThat(page.locator("#sign-russia")).hasCount(0);

			page.click("#sign-united-states");
			page.waitForURL("**/determinations/" + id);
			assertThat(page.locator("#notice")).hasText("Signed.");
			assertThat(page.locator("#status")).hasText("DRAFT");
			assertThat(page.locator("#side-united-states")).containsText("signed by");
			assertThat(page.locator("#side-russia")).containsText("awaiting");
			assertThat(page.locator("#sign-united-states")).hasCount(0);
			assertThat(errors).as("errors in the page").isEmpty();
		}

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			signIn(page, "co-chair-ru");
			page.navigate(truce.baseUri().resolve("/determinations/" + id).toString());
			assertThat(page.locator("#status")).hasText("DRAFT");
			assertThat(page.locator("#effective-at")).hasCount(0);

			page.click("#sign-russia");
			page.waitForURL("**/determinations/" + id);
			assertThat(page.locator("#status")).hasText("EFFECTIVE");
			assertThat(page.locator("#side-russia")).containsText("signed by");
			assertThat(page.locator("#effective-at")).isVisible();
			assertThat(errors).as("errors in the page").isEmpty();
		}
	}

	@Test
	void aCoChairRecordsItsSidesDissentOnThePage() {
		UUID incident = DeterminationsFixture.shellingIncident(truce);
		String id = truce.http("monitor")
			.postJson("/api/incidents/" + incident + "/determinations",
					DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone."))
			.json()
			.get("id")
			.asString();

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, "co-chair-ru");
			page.navigate(truce.baseUri().resolve("/determinations/" + id).toString());
			page.fill("#comment-text", "Russia does not sign: the fire came from the other side.");
			page.check("#comment-dissent");
			page.click("#comment-submit");
			page.waitForURL("**/determinations/" + id);

			assertThat(page.locator("#notice")).hasText("Your dissent is recorded.");
			assertThat(page.locator("#comments .dissent")).containsText("Dissent of russia");
			assertThat(page.locator("#comments .dissent")).containsText("the fire came from the other side");
			assertThat(page.locator("#status")).hasText("DRAFT");
		}
	}

	private static void signIn(Page page, String username) {
		SignIn.as(page, truce, username);
		assertThat(page.locator("#signed-in-as")).hasText(username);
	}

}
