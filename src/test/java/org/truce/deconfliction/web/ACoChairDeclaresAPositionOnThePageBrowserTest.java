package org.truce.deconfliction.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.deconfliction.application.DeclaringPositions;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * In a real browser: the US co-chair opens the declared positions page, is refused an
 * area that is no area (the page says why, keeping what was typed), then draws a polygon
 * north of Aleppo on the page's map and declares it; the position is listed and drawn, on
 * the page and as a layer of the map of reports. The Syrian government's liaison, of
 * another side, sees it on neither. No page breaks the content security policy. Skipped
 * when Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ACoChairDeclaresAPositionOnThePageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	/** Collects the page's CSP violations as the browser reports them to the page. */
	private static final String WATCH_VIOLATIONS = """
			window.__violations = [];
			document.addEventListener('securitypolicyviolation', e =>
			    window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));
			""";

	/** The corners drawn, [latitude, longitude], north of Aleppo. */
	private static final double[][] CORNERS = { { 36.3, 37.0 }, { 36.3, 37.3 }, { 36.5, 37.3 }, { 36.5, 37.0 } };

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.UNITED_STATES, Parties.RUSSIA, Parties.SYRIA_GOVERNMENT);
		truce.user("co-chair-us", "co-chair:united-states");
		truce.user("liaison-sy", "liaison:syria-government");
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	@Order(1)
	void anAreaThatIsNoAreaIsRefusedWithTheReasonAndWhatWasTypedKept() {
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			List<String> errors = watchErrors(page);
			SignIn.as(page, truce, "co-chair-us");
			page.navigate(truce.baseUri().resolve("/positions").toString());
			assertThat(page.locator("#no-positions")).isVisible();

			String line = "{\"type\": \"LineString\", \"coordinates\": [[37.1, 36.2], [37.2, 36.3]]}";
			page.fill("#area", line);
			assertThat(page.locator("#positions-map")).hasAttribute("data-sketch", "LineString");
			page.fill("#from", "2016-09-19T06:00");
			page.fill("#to", "2016-09-20T06:00");
			page.click("#declare");
			page.waitForLoadState();

			assertThat(page.locator("#declare-problems .problem[data-field=area]")).hasAttribute("data-code",
					"GEOMETRY_TYPE_NOT_ALLOWED");
			assertThat(page.locator("#area")).hasValue(line);
			assertThat(page.locator("#from")).hasValue("2016-09-19T06:00");
			assertThat(page.locator("#no-positions")).isVisible();
			assertClean(page, errors);
		}
		assertThat(positions()).isEmpty();
	}

	@Test
	@Order(2)
	void theCoChairDrawsAnAreaDeclaresItAndSeesItListedAndOnTheMap() throws IOException {
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			List<String> errors = watchErrors(page);
			SignIn.as(page, truce, "co-chair-us");
			page.navigate(truce.baseUri().resolve("/").toString());
			page.click("#positions-link");
			page.waitForURL("**/positions");

			page.locator("#positions-map").scrollIntoViewIfNeeded();
			for (double[] corner : CORNERS) {
				double[] xy = pagePoint(page, "trucePositionsMap", corner[0], corner[1]);
				page.mouse().click(xy[0], xy[1]);
			}
			assertThat(page.locator("#positions-map")).hasAttribute("data-sketch", "Polygon");
			page.fill("#label", "Coalition advisers, north of Aleppo");
			page.fill("#from", "2016-09-19T06:00");
			page.fill("#to", "2016-09-20T06:00");
			page.click("#declare");
			page.waitForURL("**/positions?declared=*");

			assertThat(page.locator("#position-declared")).isVisible();
			assertThat(page.locator(".position-row")).hasCount(1);
			assertThat(page.locator(".position-row .position-label")).hasText("Coalition advisers, north of Aleppo");
			assertThat(page.locator(".position-row .position-side")).hasText("united-states");
			assertThat(page.locator(".position-row .position-status")).hasText("DECLARED");
			assertThat(page.locator("#positions-map")).hasAttribute("data-drawn", "1");
			assertClean(page, errors);
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(Files.createDirectories(Paths.get("target", "screenshots")).resolve("positions.png")));

			// The map of reports draws it as a layer of its one layer switcher.
			page.navigate(truce.baseUri().resolve("/").toString());
			assertThat(page.locator("#map")).hasAttribute("data-positions", "1");
			assertThat(page.locator(".leaflet-control-layers")).hasCount(1);
			assertThat(page.locator(".leaflet-control-layers label"))
				.containsText(new String[] { "Declared positions" });
			assertClean(page, errors);
		}

		// What was declared is the area drawn, to the map's resolution (a pixel is about
		// 0.02 degrees at its first zoom), and the window.
		List<PositionRecord> declared = positions();
		assertThat(declared).hasSize(1);
		DeclaredPosition p = declared.get(0).position();
		assertThat(p.side()).isEqualTo("united-states");
		// 06:00 in Damascus, the scenario's zone (UTC+3).
		assertThat(p.from()).hasToString("2016-09-19T03:00:00Z");
		assertThat(p.to()).hasToString("2016-09-20T03:00:00Z");
		assertThat(p.area()).isInstanceOf(Polygon.class);
		Coordinate[] ring = p.area().getCoordinates();
		assertThat(ring).hasSize(5);
		for (double[] corner : CORNERS) {
			assertThat(ring).as("a corner near %s, %s", corner[0], corner[1]).anySatisfy(c -> {
				assertThat(c.y).isCloseTo(corner[0], within(0.04));
				assertThat(c.x).isCloseTo(corner[1], within(0.04));
			});
		}
	}

	@Test
	@Order(3)
	void aLiaisonOfAnotherSideSeesItOnNeitherThePageNorTheMap() {
		assertThat(positions()).as("declared by the test before").hasSize(1);
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			List<String> errors = watchErrors(page);
			SignIn.as(page, truce, "liaison-sy");
			page.navigate(truce.baseUri().resolve("/positions").toString());

			assertThat(page.locator("#no-positions")).isVisible();
			assertThat(page.locator(".position-row")).hasCount(0);
			assertThat(page.locator("#positions-map")).hasAttribute("data-drawn", "0");
			// It may declare its own side's, and only those.
			assertThat(page.locator("#side option")).hasText(new String[] { "syria-government" });

			page.navigate(truce.baseUri().resolve("/").toString());
			assertThat(page.locator("#map")).hasAttribute("data-positions", "0");
			assertThat(page.locator(".leaflet-control-layers label")).containsText(new String[] { "Reports" });
			assertThat(page.locator(".leaflet-control-layers label",
					new Page.LocatorOptions().setHasText("Declared positions")))
				.hasCount(0);
			assertClean(page, errors);
		}
	}

	private static List<PositionRecord> positions() {
		Notifying notifying = truce.bean(Notifying.class);
		return truce.bean(DeclaringPositions.class)
			.list(notifying.reader("test", List.of(new Grant(Role.CO_CHAIR, "russia"))), true);
	}

	private static BrowserContext newContext() {
		BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 1000));
		context.addInitScript(WATCH_VIOLATIONS);
		return context;
	}

	private static List<String> watchErrors(Page page) {
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		page.onPageError(error -> errors.add("page error: " + error));
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().contains("422")) {
				errors.add("console: " + message.text());
			}
		});
		page.onResponse(response -> {
			if (response.status() >= 400 && response.status() != 422) {
				errors.add(response.status() + " " + response.url());
			}
		});
		return errors;
	}

	private static void assertClean(Page page, List<String> errors) {
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate("() => window.__violations");
		assertThat(violations).as("CSP violations on %s", page.url()).isEmpty();
		assertThat(errors).as("errors on %s", page.url()).isEmpty();
	}

	/** Where a WGS84 point is drawn on the named map, in page pixels. */
	private static double[] pagePoint(Page page, String map, double lat, double lon) {
		@SuppressWarnings("unchecked")
		List<Number> xy = (List<Number>) page.evaluate(
				"([name, lat, lon]) => { const m = window[name];"
						+ " const p = m.latLngToContainerPoint([lat, lon]); const c = m.getContainer();"
						+ " const r = c.getBoundingClientRect();"
						+ " return [r.left + c.clientLeft + p.x, r.top + c.clientTop + p.y]; }",
				List.of(map, lat, lon));
		return new double[] { xy.get(0).doubleValue(), xy.get(1).doubleValue() };
	}

}
