package org.truce.deconfliction.web;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.deconfliction.application.Notifying;
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
 * In a real browser: a notifier names a hospital with markup that would run a script if
 * it were read as HTML. A strike near it raises an alert; on the map, a monitor's live
 * alerts list and the alert marker's tooltip show the name as text, and the page runs
 * nothing of it (the map draws on a canvas: the test opens the tooltip as hovering does).
 */
@BrowserTest
class APlaceNamedLikeMarkupShowsAsTextBrowserTest {

	private static final String NAME = "<img src=x onerror=\"window.__ran=1\">";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	@BeforeAll
	static void aStrikeNearAHospitalNamedWithMarkup() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.user("monitor-m", "monitor");
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		truce.bean(Notifying.class)
			.register(new Notifying.NewNotification("site", NAME, "hospital", null,
					"{\"type\": \"Point\", \"coordinates\": [37.1450, 36.2120]}", null, null, List.of(), "red crescent",
					List.of("syria-government")), "notifier");
		Http.Response report = truce.http().withToken(truce.token("monitor")).postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-04-27T23:00:00+03:00"},
				 "where": {"latitude": 36.2125, "longitude": 37.1452, "precision": "surveyed"},
				 "actor": "Syrian government", "narrative": "Shells near the hospital.", "source": "monitors"}""");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theAlertsTooltipShowsThePlacesNameAsTextAndRunsNothing() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "monitor-m");
			page.navigate(truce.baseUri().resolve("/").toString());

			assertThat(page.locator(".alerts-list li")).hasCount(1);
			assertThat(page.locator(".alerts-list li")).containsText(NAME);
			// The map draws on a canvas: open the alert marker's tooltip as hovering
			// does.
			page.waitForFunction("() => { let found = false; window.truceMap.eachLayer(l => {"
					+ " if (l.options && l.options.className === 'alert-marker') { l.openTooltip(); found = true; } });"
					+ " return found; }");
			assertThat(page.locator(".leaflet-tooltip:not(.map-label)")).containsText(NAME);
			assertThat(page.locator(".leaflet-tooltip:not(.map-label) img")).hasCount(0);
			assertThat(page.locator("#alerts img, .leaflet-pane img[src=x]")).hasCount(0);
			assertThat(page.evaluate("() => window.__ran === undefined")).isEqualTo(true);
		}
	}

}
