package org.truce.identity;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in and out with the page's own links and form, in a real browser
 * (Debian's Chromium): the header says who is signed in and with which roles, the session
 * reaches the API from the page with the role's reach, and signing out ends it. Skipped
 * when Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class SigningInAndOutBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	/** GET /api/me from the page, with the page's session cookie: status and body. */
	private static final String FETCH_ME = """
			async () => {
			    const response = await fetch('/api/me', { headers: { Accept: 'application/json' } });
			    return { status: response.status, body: await response.json() };
			}
			""";

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.user("monitor-m", "monitor");
		truce.user("liaison-sy", "liaison:syria-government");
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void aMonitorSignsInSeesTheRoleAndTheFullRecordThenSignsOut() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			signIn(page, "monitor-m", RunningTruce.PASSWORD);

			assertThat(page.locator("#signed-in-as")).hasText("monitor-m");
			assertThat(page.locator(".account-name")).containsText("Signed in as");
			assertThat(page.locator(".account-name")).containsText("(monitor)");
			assertThat(page.locator("#sign-in")).hasCount(0);
			Map<String, Object> me = me(page);
			assertThat(me.get("status")).isEqualTo(200);
			assertThat(body(me)).containsEntry("name", "monitor-m").containsEntry("reach", "FULL");
			assertThat(errors).as("errors in the page while signed in").isEmpty();

			page.click("#sign-out");
			page.waitForURL("**/login?signedOut");
			assertThat(page.locator("#signed-out")).isVisible();
			assertThat(page.locator("#signed-out")).hasText("You are signed out.");
			assertThat(me(page).get("status")).as("the session ended").isEqualTo(401);
			page.click("text=Map of reports");
			assertThat(page.locator("#sign-in")).isVisible();
			assertThat(page.locator("#signed-in-as")).hasCount(0);
		}
	}

	@Test
	void aLiaisonSignsInAndReachesOnlyItsSide() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, "liaison-sy", RunningTruce.PASSWORD);

			assertThat(page.locator("#signed-in-as")).hasText("liaison-sy");
			assertThat(page.locator(".account-name")).containsText("(liaison:syria-government)");
			Map<String, Object> me = me(page);
			assertThat(me.get("status")).isEqualTo(200);
			assertThat(body(me)).containsEntry("reach", "SIDE")
				.containsEntry("sideActors", List.of("syria-government"));

			page.click("#sign-out");
			page.waitForURL("**/login?signedOut");
			assertThat(page.locator("#signed-out")).isVisible();
		}
	}

	@Test
	void aWrongPasswordIsRefusedOnTheSignInPage() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, "monitor-m", "not the password at all");

			page.waitForURL("**/login?error");
			assertThat(page.locator("#sign-in-failed")).isVisible();
			assertThat(page.locator("#sign-in-failed")).containsText("The username or password is wrong");
			assertThat(page.locator("#signed-in-as")).hasCount(0);
			assertThat(me(page).get("status")).isEqualTo(401);
		}
	}

	/** From the map, through the "Sign in" link and the form. */
	private static void signIn(Page page, String username, String password) {
		page.navigate(truce.baseUri().resolve("/").toString());
		page.click("#sign-in");
		page.waitForURL("**/login");
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("#submit");
		page.waitForLoadState();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> me(Page page) {
		return (Map<String, Object>) page.evaluate(FETCH_ME);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(Map<String, Object> me) {
		return (Map<String, Object>) me.get("body");
	}

}
