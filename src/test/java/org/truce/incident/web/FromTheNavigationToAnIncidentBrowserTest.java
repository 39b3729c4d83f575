package org.truce.incident.web;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of the public, in a real browser, goes from the map's navigation to the list
 * of incidents and from there to a published incident's page; the unpublished incident is
 * not in the list. Skipped when Chromium is not installed, unless
 * {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class FromTheNavigationToAnIncidentBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static String published;

	private static String unpublished;

	@BeforeAll
	static void onePublishedIncidentAndOneNot() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA, Parties.UNITED_STATES);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		Http monitor = truce.http("monitor");
		published = report(monitor, 36.207, 37.157, "2016-10-21T11:00:00+03:00");
		unpublished = report(monitor, 34.73, 36.71, "2016-10-22T12:00:00+03:00");
		assertThat(truce.http("co-chair:united-states")
			.postJson("/api/reports/" + published + "/publication", "{}")
			.status()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void thePublicClicksFromTheNavigationToTheListToAnIncident() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.navigate(truce.baseUri().resolve("/").toString());
			page.click("#incidents-link");
			page.waitForURL(truce.baseUri().resolve("/incidents").toString());
			assertThat(page.locator("#incidents-link")).hasAttribute("aria-current", "page");
			assertThat(page.locator("#incidents tbody tr")).hasCount(1);
			assertThat(page.locator("#incident-" + unpublished)).hasCount(0);
			assertThat(page.locator("#incident-" + published + " time.when"))
				.hasText("21 Oct 2016, 11:00 Asia/Damascus (UTC+3) · 2016-10-21 08:00 UTC");

			page.click("#incident-" + published + " a.incident-link");
			page.waitForURL(truce.baseUri().resolve("/incidents/" + published).toString());
			assertThat(page.locator("#incident")).hasAttribute("data-id", published);
			assertThat(page.locator("#report-count")).hasText("1");
		}
	}

	private static String report(Http monitor, double lat, double lon, String at) {
		String id = monitor
			.postJson("/api/reports",
					"""
							{"eventType": "shelling_artillery_missile_attack", "when": {"start": "%s", "precision": "EXACT"},
							 "where": {"latitude": %s, "longitude": %s}, "actor": "Government of Syria", "source": "monitors"}"""
						.formatted(at, lat, lon))
			.json()
			.get("id")
			.asString();
		return IncidentFixture.incidentOf(truce, UUID.fromString(id)).id().toString();
	}

}
