package org.truce.scenario.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.report.application.ImportProgress;
import org.truce.scenario.application.LoadingScenario;
import org.truce.scenario.application.Scenario;
import org.truce.testing.Chromium;
import org.truce.testing.RunningTruce;
import org.truce.testing.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page of the fictional Tavuru scenario in a real browser: it opens on the island
 * with the island's layers, not on Syria. Skipped when Chromium is not installed, unless
 * {@code TRUCE_REQUIRE_BROWSER=1}; see {@link Chromium}.
 */
@BrowserTest
class TheMapOfAFictionalIslandOpensOnItBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void theMapOpensCentredOnTheIslandWithItsProvincesAndReports() throws Exception {
		try (RunningTruce truce = RunningTruce.sqlite(true,
				Map.of("truce.scenario", "classpath:scenarios/fictional-tavuru/"));
				BrowserContext context = chromium
					.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"))) {
			truce.bean(LoadingScenario.class).load(truce.bean(Scenario.class), ImportProgress.NONE);
			Page page = context.newPage();
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			page.onPageError(errors::add);
			page.onResponse(response -> {
				if (response.status() >= 400) {
					errors.add(response.status() + " " + response.url());
				}
			});

			page.navigate(truce.baseUri().resolve("/").toString());

			page.waitForFunction("names => names.every(n => (document.getElementById('map').dataset.layers || '')"
					+ ".split(' ').includes(n))", List.of("islands", "tavuru-admin0", "tavuru-admin1"));
			assertThat(page.locator("#map")).hasAttribute("data-markers", "3");
			assertThat(page.locator(".map-label.area-label")).hasText(new String[] { "Kaharoa", "Motuiti" });
			assertThat(page.locator(".map-label.country-label")).hasText(new String[] { "Ariki Atoll" });
			assertThat(page.locator(".leaflet-control-layers label"))
				.hasText(new String[] { "Provinces", "Province names", "Reports" });
			@SuppressWarnings("unchecked")
			List<Number> centre = (List<Number>) page
				.evaluate("() => { const c = window.truceMap.getCenter(); return [c.lng, c.lat]; }");
			assertThat(AFictionalIslandScenarioLoadsAndServesTest.TAVURU.contains(centre.get(0).doubleValue(),
					centre.get(1).doubleValue()))
				.as("centre %s", centre)
				.isTrue();
			assertThat(errors).isEmpty();
		}
	}

}
