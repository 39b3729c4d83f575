package org.truce.geo.web;

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
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map page in a real browser, first for the public and then for a monitor who signs
 * in: the public sees the published reports, a report of a reporter at risk at the centre
 * of its grid cell and a panel that says so; the monitor sees every report where it
 * happened, with its source. Skipped when Chromium is not installed, unless
 * {@code TRUCE_REQUIRE_BROWSER=1}; see {@link Chromium}.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MapPageForEachReaderBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	static final String PASSWORD = "monitor-password-2016";

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	Sources sources;

	@Autowired
	SubmittingReport submitting;

	@Autowired
	PublishingReports publishing;

	@Autowired
	ManagingUsers users;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
	}

	@Test
	void thePublicSeesAnAtRiskReportCoarsenedAndToldSoAndAMonitorWhoSignsInSeesItExactly() throws Exception {
		this.sources.save(MapFixture.monitors());
		this.sources.save(new Source("field-monitor-7", "Field monitor Bashir", SourceKind.MONITOR, Reliability.B, true,
				"+963 555 0101"));
		// Homs, off the 0.1-degree grid: the public sees it at 34.75 N, 36.75 E.
		String atRisk = this.submitting.submit(
				new ReportDraft("shelling_artillery_missile_attack", new ReportDraft.When("2016-05-02", null, "DAY"),
						new ReportDraft.Where(34.73187, 36.71243, "SURVEYED", null, "Bab Tadmur", "Homs", "Homs"), null,
						null, null, "Shells fell on a street of the old city.", "field-monitor-7", "BASHIR-0002", null),
				org.truce.report.application.Submitter.record("test"), null, "t")
			.report()
			.id()
			.toString();
		String palmyra = this.submitting
			.submit(MapFixture.clashesInPalmyra(), org.truce.report.application.Submitter.record("test"), null, "t")
			.report()
			.id()
			.toString();
		this.submitting.submit(MapFixture.shellingNearDaraa(), org.truce.report.application.Submitter.record("test"),
				null, "t");
		this.publishing.publish(List.of(UUID.fromString(atRisk), UUID.fromString(palmyra)), "test");
		this.users.add("monitor-1", PASSWORD, List.of(Grant.parse("monitor").orElseThrow()),
				ManagingUsers.COMMAND_LINE);

		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900).setLocale("en-GB"))) {
			Page page = context.newPage();
			List<String> errors = Collections.synchronizedList(new ArrayList<>());
			page.onPageError(errors::add);
			page.onConsoleMessage(message -> {
				if ("error".equals(message.type())) {
					errors.add(message.text());
				}
			});

			// The public: the two published reports, one placed at its cell's centre.
			page.navigate("http://127.0.0.1:" + this.port + "/");
			assertThat(page.locator("#map")).hasAttribute("data-markers", "2");
			assertThat(page.locator("#count")).containsText("1 point placed only at the centre of a 0.1° grid cell");
			double[] coarse = pagePoint(page, 34.75, 36.75);
			page.mouse().click(coarse[0], coarse[1]);
			assertThat(page.locator("#map")).hasAttribute("data-selected", atRisk);
			assertThat(page.locator("#panel .coarsened")).containsText("Coarsened to protect the reporter");
			assertThat(page.locator("#panel")).containsText("34.75000° N, 36.75000° E");
			String publicPanel = page.locator("#panel").innerText();
			assertThat(publicPanel).doesNotContain("Field monitor Bashir", "34.73187", "Bab Tadmur", "BASHIR-0002");

			// A monitor signs in and sees every report, exactly placed, with its source.
			page.navigate("http://127.0.0.1:" + this.port + "/login");
			page.fill("#username", "monitor-1");
			page.fill("#password", PASSWORD);
			page.click("#submit");
			page.navigate("http://127.0.0.1:" + this.port + "/");
			assertThat(page.locator("#map")).hasAttribute("data-markers", "3");
			assertThat(page.locator("#count")).not().containsText("grid cell");
			double[] exact = pagePoint(page, 34.73187, 36.71243);
			page.mouse().click(exact[0], exact[1]);
			assertThat(page.locator("#map")).hasAttribute("data-selected", atRisk);
			assertThat(page.locator("#panel")).containsText("Field monitor Bashir");
			assertThat(page.locator("#panel")).containsText("34.73187° N, 36.71243° E");
			assertThat(page.locator("#panel .coarsened")).hasCount(0);

			Path screenshots = Files.createDirectories(Paths.get("target", "screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("map-monitor.png")));
			assertThat(errors).as("errors in the page").isEmpty();
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
