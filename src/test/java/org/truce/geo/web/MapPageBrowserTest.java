package org.truce.geo.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.ControlMapDocuments;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in a real browser: Debian's Chromium driven by Playwright, against the
 * application on a random port with a fresh SQLite store. Skipped when Chromium is not
 * installed, unless {@code TRUCE_REQUIRE_BROWSER=1}; see {@link Chromium}.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MapPageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	Sources sources;

	@Autowired
	SubmittingReport submitting;

	@Autowired
	AgreementCatalogue agreements;

	@Autowired
	AdjudicatingIncidents adjudicating;

	@Autowired
	PublishingReports publishing;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
	}

	@Test
	void theMapShowsReportsFiltersThemByTypeAndOpensOneOnClickWithoutLeavingLocalhost() throws Exception {
		this.sources.save(MapFixture.monitors());
		UUID convoy = this.submitting
			.submit(MapFixture.airstrikeOnTheUrumAlKubraConvoy(), org.truce.report.application.Submitter.record("test"),
					null, "t")
			.report()
			.id();
		this.submitting.submit(MapFixture.airstrikeOnAlQudsHospital(),
				org.truce.report.application.Submitter.record("test"), null, "t");
		this.submitting.submit(MapFixture.shellingNearDaraa(), org.truce.report.application.Submitter.record("test"),
				null, "t");
		this.submitting.submit(MapFixture.clashesInPalmyra(), org.truce.report.application.Submitter.record("test"),
				null, "t");
		this.submitting.submit(MapFixture.countryWideTotalFor2016(),
				org.truce.report.application.Submitter.record("test"), null, "t");
		// The page is read by the public, who sees published reports only.
		this.publishing.publishSource(MapFixture.SOURCE_ID, "test");
		this.agreements.replaceControlMap("control-2016.geojson",
				new ControlMapDocuments()
					.parse("control-2016.geojson", classpath("scenarios/syria-2016/control/control-2016.geojson"))
					.areas());
		this.agreements.load("syria-coh-2016-02.yaml",
				classpath("scenarios/syria-2016/agreements/syria-coh-2016-02.yaml"));
		this.adjudicating.all();

		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB"))) {
			Page page = context.newPage();
			List<String> requested = Collections.synchronizedList(new ArrayList<>());
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			page.onRequest(request -> requested.add(request.url()));
			page.onPageError(errors::add);
			page.onResponse(response -> {
				if (response.status() >= 400) {
					errors.add(response.status() + " " + response.url());
				}
			});
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					errors.add(message.text());
				}
			});

			page.navigate("http://127.0.0.1:" + this.port + "/");

			// The base map: the shipped layers, drawn without any tile server.
			page.waitForFunction("names => names.every(n => (document.getElementById('map').dataset.layers || '')"
					+ ".split(' ').includes(n))", List.of("neighbours", "syria-admin0", "syria-admin1"));
			// The reports: four points, the country-wide total left out and counted.
			assertThat(page.locator("#count")).hasText("4 reports shown (1 country-level aggregate not mapped)");
			assertThat(page.locator("#map")).hasAttribute("data-markers", "4");
			assertThat(page.locator("#from")).hasValue("2016-01-01");
			assertThat(page.locator("#to")).hasValue("2016-12-31");
			assertThat(page.locator(".legend")).containsText("Explosions/Remote violence");
			assertThat(page.locator(".map-label.area-label")).hasCount(14);
			assertThat(page.locator(".map-label.country-label")).containsText(new String[] { "Turkey", "Iraq" });
			// One layer switcher, which every layer registers into.
			assertThat(page.locator(".leaflet-control-layers")).hasCount(1);
			assertThat(page.locator(".leaflet-control-layers label"))
				.hasText(new String[] { "Governorates", "Governorate names", "Districts", "Reports" });

			// Governorate names show on hover, away from any point: Deir-ez-Zor.
			double[] deirEzZor = pagePoint(page, 35.0, 40.2);
			page.mouse().move(deirEzZor[0], deirEzZor[1]);
			assertThat(page.locator(".leaflet-tooltip.area-tooltip")).containsText("Deir-ez-Zor");

			page.selectOption("#type", "air_drone_strike");
			assertThat(page.locator("#count")).hasText("2 reports shown (0 country-level aggregates not mapped)");
			assertThat(page.locator("#map")).hasAttribute("data-markers", "2");

			double[] convoyPoint = pagePoint(page, 36.1506, 36.9469);
			page.mouse().click(convoyPoint[0], convoyPoint[1]);
			assertThat(page.locator("#panel .narrative")).containsText("Urum al-Kubra while unloading");
			assertThat(page.locator("#panel h2")).hasText("Air/drone strike");
			assertThat(page.locator("#panel")).containsText("within 2 km of the point");
			assertThat(page.locator("#map")).hasAttribute("data-selected", convoy.toString());
			// Its findings under the cessation of hostilities, each with its reasons.
			assertThat(page.locator("#panel .findings h4")).containsText("syria-coh-2016-02 v1");
			assertThat(page.locator("#panel .finding").first()).containsText("syria-coh-2016-02/");

			// The agreement's zones and mingled areas, and points coloured by their
			// findings.
			page.selectOption("#agreement", "syria-coh-2016-02");
			assertThat(page.locator("#map")).hasAttribute("data-agreement", "syria-coh-2016-02");
			assertThat(page.locator("#map")).hasAttribute("data-zones", "1");
			assertThat(page.locator(".legend")).containsText(new String[] { "Most serious finding" });
			String mingled = page.locator("#map").getAttribute("data-mingled");
			assertThat(Integer.parseInt(mingled)).isPositive();

			Path screenshots = Files.createDirectories(Paths.get("target", "screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("map.png")));

			assertThat(errors).as("errors in the page").isEmpty();
			assertThat(requested).isNotEmpty()
				.allSatisfy(url -> assertThat(URI.create(url).getHost()).as(url).isIn("127.0.0.1", "localhost"));
		}
	}

	private static String classpath(String resource) throws java.io.IOException {
		try (var in = MapPageBrowserTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** Where a WGS84 point is drawn, in page pixels. */
	private static double[] pagePoint(Page page, double lat, double lon) {
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) page.evaluate("([lat, lon]) => { const m = window.truceMap;"
				+ " const p = m.latLngToContainerPoint([lat, lon]); const r = m.getContainer().getBoundingClientRect();"
				+ " return [r.left + p.x, r.top + p.y]; }", List.of(lat, lon));
		return new double[] { xy.get(0).doubleValue(), xy.get(1).doubleValue() };
	}

}
