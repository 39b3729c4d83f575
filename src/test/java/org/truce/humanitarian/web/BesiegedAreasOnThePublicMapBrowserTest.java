package org.truce.humanitarian.web;

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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A besieged area recorded by a monitor is drawn on the map, as a layer the reader can
 * switch off, for a reader who is not signed in (population figures are public). Skipped
 * when Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class BesiegedAreasOnThePublicMapBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	@BeforeAll
	static void eastAleppoRecordedAsBesieged() {
		truce = RunningTruce.sqlite(true);
		Http.Response created = truce.http("monitor").postJson("/api/besieged-areas", """
				{"name": "Eastern Aleppo city", "status": "BESIEGED", "population": 275000, "asOf": "2016-09-15",
				 "sourceNote": "UN OCHA estimate, September 2016",
				 "area": {"type": "Polygon", "coordinates": [[[37.15, 36.18], [37.22, 36.18], [37.22, 36.24],
				          [37.15, 36.24], [37.15, 36.18]]]}}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void thePublicSeesTheBesiegedAreaWithItsPopulation() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.navigate(truce.baseUri().resolve("/").toString());

			assertThat(page.locator("#map")).hasAttribute("data-besieged", "1");
			// One switcher for every layer, the besieged areas among them, shown.
			Locator entry = page.locator(".leaflet-control-layers label",
					new Page.LocatorOptions().setHasText("Besieged and hard-to-reach areas"));
			assertThat(entry).hasCount(1);
			assertThat(entry.locator("input")).isChecked();
			assertThat(page.locator(".leaflet-control-layers")).hasCount(1);
			assertThat(page.locator(".leaflet-control-layers label"))
				.containsText(new String[] { "Governorates", "Reports", "Besieged and hard-to-reach areas" });

			assertThat(besiegedDrawn(page)).isEqualTo(1);
			page.hover(".leaflet-control-layers");
			entry.locator("input").uncheck();
			assertThat(besiegedDrawn(page)).isZero();
		}
	}

	/** How many besieged areas the map draws now. */
	private static int besiegedDrawn(Page page) {
		return ((Number) page.evaluate("() => { let n = 0; window.truceMap.eachLayer(l => {"
				+ " if (l.feature && l.feature.properties.population && l.feature.properties.status === 'BESIEGED') n++; }); return n; }"))
			.intValue();
	}

}
