package org.truce.deconfliction.web;

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
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the map page, the US liaison's live alerts show a strike by another side, reported
 * by an at-risk source, as its grid cell: the list gives the cell and the band of
 * distances, the map draws the cell (its tooltip says the same), and nothing on the page
 * holds the strike's exact place or its report's id.
 */
@BrowserTest
class ALiaisonSeesOnlyTheCellOfAnotherSidesStrikeBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static String report;

	@BeforeAll
	static void aPositionAndAStrikeByAnotherSide() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.UNITED_STATES, Parties.SYRIA_GOVERNMENT);
		truce.user("liaison-us", "liaison:united-states");
		truce.bean(Sources.class)
			.save(new Source("field", "Field monitor", SourceKind.MONITOR, Reliability.B, true, "+963 555 0101"));
		Http.Response declared = truce.http("liaison:united-states").postJson("/api/positions", """
				{"label": "Advisers", "area": {"type": "Point", "coordinates": [37.112, 36.212]},
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""");
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
		Http.Response r = truce.http("monitor")
			.postJson("/api/reports",
					"""
							{"eventType": "air_drone_strike", "when": {"start": "2016-09-19T12:00:00Z"},
							 "where": {"latitude": 36.21137, "longitude": 37.11249, "precision": "surveyed"},
							 "actor": "Government of Syria", "target": "Civilians", "narrative": "A strike.", "source": "field"}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		report = r.json().get("id").asString();
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theAlertIsTheCellOnTheListAndOnTheMap() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "liaison-us");
			page.navigate(truce.baseUri().resolve("/").toString());

			assertThat(page.locator(".alerts-list li")).hasCount(1);
			assertThat(page.locator(".alerts-list li")).containsText("somewhere in the cell 36.2–36.3 N, 37.1–37.2 E");
			page.waitForFunction("() => { let found = false; window.truceMap.eachLayer(l => {"
					+ " if (l.options && l.options.className === 'alert-cell') { l.openTooltip(); found = true; } });"
					+ " return found; }");
			assertThat(page.locator(".leaflet-tooltip:not(.map-label)")).containsText("somewhere in the cell");
			String html = page.content();
			assertThat(html).doesNotContain("36.21137").doesNotContain("37.11249").doesNotContain(report);
		}
	}

}
