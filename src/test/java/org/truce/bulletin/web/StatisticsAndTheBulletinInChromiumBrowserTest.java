package org.truce.bulletin.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;
import org.truce.testing.TheDemo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo, in Chromium: a monitor opens the statistics page from the navigation, sees
 * the week's charts, narrows them to one event type with the form (htmx swaps the results
 * in place), and the charts and counts change; the public reader's page counts the
 * published record only. Then the bulletin's HTML file, opened from disk, shows its
 * charts without fetching anything. Screenshots of the page and of the bulletin go to
 * {@code target/screenshots}.
 */
@BrowserTest
@ExtendWith(TheDemo.Shared.class)
class StatisticsAndTheBulletinInChromiumBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	static final String AGREEMENT = "syria-arrangement-2016-09";

	static final String WEEK = "/statistics?agreement=" + AGREEMENT + "&from=2016-09-12&to=2016-09-18";

	static RunningTruce truce;

	@BeforeAll
	static void start(TheDemo demo) {
		truce = demo.truce();
		truce.user("statistics-monitor", "monitor");
	}

	@Test
	void aMonitorNarrowsTheChartsToOneEventType() throws Exception {
		Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
		try (BrowserContext context = chromium.newContext()) {
			context.addInitScript(Chromium.WATCH_VIOLATIONS);
			Page page = context.newPage();
			List<String> errors = new ArrayList<>();
			page.onPageError(errors::add);
			SignIn.as(page, truce, "statistics-monitor");
			page.click("#statistics-link");
			page.waitForURL("**/statistics");
			assertThat(page.locator("#statistics-results svg.chart")).hasCount(4);

			page.navigate(truce.baseUri().resolve(WEEK).toString());
			page.waitForLoadState(LoadState.NETWORKIDLE);
			int week = Integer.parseInt(page.locator("#statistics-results").getAttribute("data-total"));
			assertThat(week).isPositive();
			assertThat(page.locator("#map-title")).containsText("Map of the period");
			assertThat(page.locator("#by-zone-desc")).not().isEmpty();
			String zonesBefore = page.locator("#by-zone-desc").textContent();
			page.screenshot(
					new Page.ScreenshotOptions().setPath(screenshots.resolve("statistics-week.png")).setFullPage(true));

			// the rarest event type of the week, picked from the staff's own bulletin
			Bulletin all = truce.bean(ComputingBulletin.class)
				.compute(new BulletinQuery(AGREEMENT, LocalDate.parse("2016-09-12"), LocalDate.parse("2016-09-18")),
						Viewer.of("statistics-monitor",
								List.of(org.truce.identity.model.Grant.parse("monitor").orElseThrow()),
								java.util.Set.of()));
			Bulletin.CategoryRow rare = all.byEventType()
				.stream()
				.min(java.util.Comparator.comparingLong((Bulletin.CategoryRow r) -> r.counts().total()))
				.orElseThrow();
			assertThat(rare.counts().total()).isLessThan(week);

			page.selectOption("#filter-type", rare.key());
			page.waitForURL("**type=" + rare.key() + "**");
			assertThat(page.locator("#statistics-results")).hasAttribute("data-total",
					Long.toString(rare.counts().total()));
			assertThat(page.locator("#statistics-results p.bulletin-meta").first())
				.containsText("event type " + rare.key());
			assertThat(page.locator("#by-zone-desc")).not().hasText(zonesBefore);
			assertThat(page.locator("#filter-type")).hasValue(rare.key());
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("statistics-one-type.png"))
				.setFullPage(true));
			assertThat(errors).as("script errors on the page").isEmpty();
			@SuppressWarnings("unchecked")
			List<String> violations = (List<String>) page.evaluate("() => window.__violations");
			assertThat(violations).as("Content Security Policy violations").isEmpty();
		}
	}

	@Test
	void thePublicPageCountsThePublishedRecordOnly() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.navigate(truce.baseUri().resolve(WEEK).toString());
			assertThat(page.locator("#statistics-link")).isVisible();
			long shown = Long.parseLong(page.locator("#statistics-results").getAttribute("data-total"));
			Bulletin published = truce.bean(ComputingBulletin.class)
				.compute(new BulletinQuery(AGREEMENT, LocalDate.parse("2016-09-12"), LocalDate.parse("2016-09-18")),
						Viewer.PUBLIC);
			assertThat(shown).isEqualTo(published.total());
			assertThat(page.locator("#bulletin-reader")).hasText("as the public reader sees it");
		}
	}

	@Test
	void theBulletinFileOpensFromDiskWithItsCharts() throws Exception {
		Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
		Bulletin bulletin = truce.bean(ComputingBulletin.class)
			.compute(new BulletinQuery(AGREEMENT, LocalDate.parse("2016-09-12"), LocalDate.parse("2016-09-18")),
					Viewer.PUBLIC);
		Path dir = Files.createTempDirectory("bulletin");
		truce.bean(BulletinDocuments.class).write(bulletin, "{}", dir);
		Path html = dir.resolve(BulletinDocuments.HTML);
		Files.copy(html, screenshots.resolve("bulletin.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.copy(dir.resolve(BulletinDocuments.PDF), screenshots.resolve("bulletin.pdf"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Bulletin: US-Russia arrangement");
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			List<String> fetched = new ArrayList<>();
			page.onRequest(r -> fetched.add(r.url()));
			page.navigate(html.toUri().toString());
			assertThat(page.locator("svg.chart")).hasCount(4);
			assertThat(page.locator("#bulletin-title")).containsText("US-Russia arrangement");
			assertThat(page.locator("#outcome-TOTAL td").nth(1)).hasText(Long.toString(bulletin.total()));
			assertThat(fetched).as("what the file fetched").allMatch(url -> url.startsWith("file:"));
			page.screenshot(
					new Page.ScreenshotOptions().setPath(screenshots.resolve("bulletin-html.png")).setFullPage(true));
			// the bulletin's pages, as Chromium prints them
			page.pdf(new Page.PdfOptions().setPath(screenshots.resolve("bulletin-printed-by-chromium.pdf")));
		}
	}

}
