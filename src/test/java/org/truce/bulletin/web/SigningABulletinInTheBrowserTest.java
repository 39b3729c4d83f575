package org.truce.bulletin.web;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.determination.web.DeterminationsFixture;
import org.truce.ledger.application.Checkpointing;
import org.truce.testing.Http;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor drafts a bulletin on /bulletins, the US co-chair signs it on its page (still
 * a draft, not public), the Russian co-chair records a dissent and signs (published), and
 * an anonymous reader then finds it on /bulletins with both signatures, the dissent and
 * the ledger proofs. In a real browser (Debian's Chromium); skipped when Chromium is not
 * installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class SigningABulletinInTheBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		truce.user("monitor-1", "monitor");
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
	void theCoChairsSignOnThePageAndTheAnonymousReaderThenSeesItPublished() {
		String url;
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			signIn(page, "monitor-1");
			page.navigate(truce.baseUri().resolve("/bulletins").toString());
			page.selectOption("#draft-agreement", DeterminationsFixture.AGREEMENT);
			page.fill("#draft-from", "2016-10-20");
			page.fill("#draft-to", "2016-10-22");
			page.click("#draft-submit");
			page.waitForURL("**/bulletins/*-*");
			url = page.url();
			assertThat(page.locator("#state")).hasText("DRAFT");
			assertThat(page.locator("#sign-united-states")).hasCount(0);
			assertThat(errors).as("errors in the page").isEmpty();
		}
		String id = url.substring(url.lastIndexOf('/') + 1);
		assertThat(new org.truce.testing.Http(truce.baseUri()).get("/bulletins/" + id).status()).isEqualTo(404);

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, "co-chair-us");
			page.navigate(url);
			assertThat(page.locator("#sign-russia")).hasCount(0);
			page.click("#sign-united-states");
			page.waitForURL(url);
			assertThat(page.locator("#notice")).hasText("Signed.");
			assertThat(page.locator("#state")).hasText("DRAFT");
			assertThat(page.locator("#side-united-states")).containsText("signed by");
			assertThat(page.locator("#side-russia")).containsText("awaiting");
		}

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, "co-chair-ru");
			page.navigate(url);
			page.fill("#dissent-text-russia", "Russia signs, and notes that the period is too short.");
			page.click("#dissent-russia");
			page.waitForURL(url);
			assertThat(page.locator("#notice")).hasText("Your side's dissent is recorded.");
			page.click("#sign-russia");
			page.waitForURL(url);
			assertThat(page.locator("#notice")).hasText("Signed: the bulletin is published.");
			assertThat(page.locator("#state")).hasText("PUBLISHED");
		}

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.navigate(truce.baseUri().resolve("/bulletins").toString());
			page.click("#published a");
			page.waitForURL(url);
			assertThat(page.locator("#state")).hasText("PUBLISHED");
			assertThat(page.locator("#side-united-states")).containsText("signed by");
			assertThat(page.locator("#side-russia")).containsText("signed by");
			assertThat(page.locator("#dissents")).containsText("the period is too short");
			assertThat(page.locator("#proofs li[data-kind=bulletin-published]")).hasCount(1);
			assertThat(page.locator("#sign-russia")).hasCount(0);
			page.screenshot(
					new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "bulletin-published.png"))
						.setFullPage(true));
			assertThat(errors).as("errors in the page").isEmpty();
		}
	}

	/**
	 * The page of a published bulletin checks its entries' inclusion proofs against the
	 * signed checkpoint in the browser and says "verified"; the same page with one hash
	 * of a proof changed on the way says that the proof failed.
	 */
	@Test
	void theProofsOfAPublishedBulletinAreVerifiedInTheBrowserAndATamperedOneFails() {
		Http monitor = truce.http("monitor");
		Http.Response drafted = monitor.postJson("/api/bulletins/drafts",
				"{\"agreement\": \"%s\", \"from\": \"2016-10-21\", \"to\": \"2016-10-21\"}"
					.formatted(DeterminationsFixture.AGREEMENT));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		String id = drafted.json().get("id").asString();
		String digest = drafted.json().get("digest").asString();
		for (String side : List.of("united-states", "russia")) {
			Http.Response signed = truce.http("co-chair:" + side)
				.postJson("/api/bulletins/drafts/" + id + "/sign", "{}", "If-Match", "\"" + digest + "\"");
			assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
		}
		truce.bean(Checkpointing.class).checkpoint();
		String url = truce.baseUri().resolve("/bulletins/" + id).toString();

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.navigate(url);
			assertThat(page.locator("#proofs-verdict")).hasAttribute("data-verdict", "verified");
			assertThat(page.locator("#proofs-verdict")).containsText("Verified in your browser: 2 entries");
			assertThat(page.locator("#proofs .proof-check[data-state=verified]")).hasCount(2);
			page.screenshot(new Page.ScreenshotOptions()
				.setPath(Path.of("target", "screenshots", "bulletin-proofs-verified.png"))
				.setFullPage(true));
			assertThat(errors).as("errors in the page").isEmpty();
		}

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.route(url, route -> {
				APIResponse original = route.fetch();
				route.fulfill(new Route.FulfillOptions().setResponse(original).setBody(tampered(original.text())));
			});
			page.navigate(url);
			assertThat(page.locator("#proofs-verdict")).hasAttribute("data-verdict", "failed");
			assertThat(page.locator("#proofs .proof-check[data-state=failed]")).hasCount(1);
			assertThat(page.locator("#proofs .proof-check[data-state=failed]"))
				.containsText("does not lead to the signed checkpoint's root");
		}
	}

	/** The page with the first character of its first proof hash changed. */
	private static String tampered(String html) {
		Matcher m = Pattern.compile("data-proof=\"([A-Za-z0-9+/])").matcher(html);
		assertThat(m.find()).as("a proof on the page").isTrue();
		char was = m.group(1).charAt(0);
		return html.substring(0, m.start(1)) + (was == 'A' ? 'B' : 'A') + html.substring(m.end(1));
	}

	private static void signIn(Page page, String username) {
		SignIn.as(page, truce, username);
		assertThat(page.locator("#signed-in-as")).hasText(username);
	}

}
