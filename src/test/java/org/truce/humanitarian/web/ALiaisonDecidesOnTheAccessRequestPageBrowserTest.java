package org.truce.humanitarian.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.AccessVerdict;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Syrian government's liaison signs in, opens an access request concerning its side,
 * sees the route drawn on the page's map, and denies it with the page's form (a session
 * form with its CSRF token), in a real browser; the form is then gone and the decision
 * shown. Skipped when Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class ALiaisonDecidesOnTheAccessRequestPageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static AccessRequest convoy;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		AConvoyToAleppoBlockedByOnePartyTest.registerParties(truce);
		truce.user("liaison-sy", "liaison:syria-government");
		RequestingAccess access = truce.bean(RequestingAccess.class);
		convoy = access.request(
				new RequestingAccess.NewAccessRequest(
						JsonMapper.builder().build().readTree(AConvoyToAleppoBlockedByOnePartyTest.CASTELLO_ROUTE),
						new RequestingAccess.Destination("Eastern Aleppo (Tariq al-Bab)", 36.2118, 37.1840),
						List.of(new RequestingAccess.Cargo("wheat flour", 40.0, "t")), 275_000L,
						List.of("syria-government", "fsa"), "2016-09-15T06:00:00+03:00", "2016-09-16T18:00:00+03:00"),
				access.reader("notifier-1", List.of(new Grant(Role.NOTIFIER, null))));
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theLiaisonDeniesTheRequestWithThePageForm() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> errors = new ArrayList<>();
			page.onPageError(errors::add);
			SignIn.as(page, truce, "liaison-sy");
			page.navigate(truce.baseUri().resolve("/access-requests").toString());
			page.click("#access-" + convoy.id() + " a");
			page.waitForURL("**/access-requests/" + convoy.id());

			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			org.assertj.core.api.Assertions.assertThat(errors)
				.as("script errors on the page: %s", page.content())
				.isEmpty();
			assertThat(page.locator("#route-map")).hasAttribute("data-drawn", "true");
			assertThat(page.locator("#route-map path.leaflet-interactive").first()).isVisible();
			assertThat(page.locator("#decision-fsa")).containsText("not decided yet");
			assertThat(page.locator("#decide-fsa")).hasCount(0);
			assertThat(page.locator("#decide-syria-government input[name=_csrf]")).hasCount(1);

			page.check("#decide-syria-government input[value=DENIED]");
			page.fill("#reasons-syria-government", "The Castello Road is not secured yet.");
			page.click("#decide-syria-government button[type=submit]");
			page.waitForURL("**/access-requests/" + convoy.id() + "?decided");

			assertThat(page.locator("#decision-recorded")).isVisible();
			assertThat(page.locator("#decision-syria-government")).hasAttribute("data-verdict", "DENIED");
			assertThat(page.locator("#decision-syria-government .reasons"))
				.hasText("The Castello Road is not secured yet.");
			assertThat(page.locator("#decide-syria-government")).hasCount(0);
			assertThat(page.locator("#state")).hasText("DENIED");
			org.assertj.core.api.Assertions.assertThat(errors).as("script errors on the page").isEmpty();
		}
		AccessRequest stored = truce.bean(RequestingAccess.class)
			.read(convoy.id(), new org.truce.humanitarian.application.AccessReader("test", true, false, null))
			.orElseThrow();
		org.assertj.core.api.Assertions.assertThat(stored.party("syria-government").orElseThrow().verdict())
			.isEqualTo(AccessVerdict.DENIED);
	}

}
