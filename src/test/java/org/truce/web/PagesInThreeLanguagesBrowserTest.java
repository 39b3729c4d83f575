package org.truce.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
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
 * The pages in English, Arabic and Russian, in a real browser: {@code <html lang dir>},
 * the translated navigation and text, dates with Arabic months and Eastern Arabic digits,
 * the map's controls and the layout mirrored right to left in Arabic, the language
 * switcher remembered, and an unsupported language answered in English with a notice.
 * Screenshots go to {@code target/screenshots/languages}.
 */
@BrowserTest
class PagesInThreeLanguagesBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static String incident;

	private static Path screenshots;

	@BeforeAll
	static void aPublishedIncident() throws Exception {
		screenshots = Files.createDirectories(Path.of("target", "screenshots", "languages"));
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA, Parties.UNITED_STATES);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		Http monitor = truce.http("monitor");
		String report = monitor.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21T11:00:00+03:00",
				 "precision": "EXACT"}, "where": {"latitude": 36.207, "longitude": 37.157},
				 "actor": "Government of Syria", "source": "monitors"}""").json().get("id").asString();
		incident = IncidentFixture.incidentOf(truce, UUID.fromString(report)).id().toString();
		assertThat(
				truce.http("co-chair:united-states").postJson("/api/reports/" + report + "/publication", "{}").status())
			.isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theMapInArabicIsRightToLeftWithItsControlsMirrored() {
		try (BrowserContext context = context("ar")) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.navigate(url("/"));
			assertThat(page.locator("html")).hasAttribute("lang", "ar");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#map-link")).hasText("خريطة البلاغات");
			assertThat(page.locator("#reset")).hasText("إعادة الضبط");
			// The count the script writes comes from the page's Arabic strings, in Arabic
			// digits.
			assertThat(page.locator("#count")).containsText("البلاغات المعروضة: ١");
			assertThat(page.locator("footer.attribution")).containsText("UCDP GED");
			assertThat(page.locator("footer.attribution")).containsText("الأحداث");

			BoundingBox map = page.locator("#map").boundingBox();
			BoundingBox zoom = page.locator(".leaflet-control-zoom").boundingBox();
			BoundingBox layers = page.locator(".leaflet-control-layers").boundingBox();
			BoundingBox panel = page.locator("#panel").boundingBox();
			// Mirrored: what English has on the left (zoom) is on the right, and the
			// layers on the left; the report panel, at the end of the line, is on the
			// left.
			assertThat(zoom.x).isGreaterThan(map.x + map.width / 2);
			assertThat(layers.x + layers.width).isLessThan(map.x + map.width / 2);
			assertThat(panel.x).isLessThan(map.x);
			BoundingBox brand = page.locator(".brand").boundingBox();
			assertThat(brand.x).as("the brand starts the header on the right").isGreaterThan(700);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("map-ar-rtl.png")));
			assertThat(errors).isEmpty();
		}
	}

	@Test
	void theMapInEnglishKeepsItsControlsWhereTheyWere() {
		try (BrowserContext context = context("en-GB")) {
			Page page = context.newPage();
			page.navigate(url("/"));
			assertThat(page.locator("html")).hasAttribute("dir", "ltr");
			assertThat(page.locator("#count")).containsText("1 report shown");
			BoundingBox map = page.locator("#map").boundingBox();
			assertThat(page.locator(".leaflet-control-zoom").boundingBox().x).isLessThan(map.x + map.width / 2);
			assertThat(page.locator("#panel").boundingBox().x).isGreaterThan(map.x);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("map-en.png")));
		}
	}

	@Test
	void anIncidentInArabicHasArabicMonthsAndDigitsRightToLeft() {
		try (BrowserContext context = context("ar")) {
			Page page = context.newPage();
			page.navigate(url("/incidents/" + incident));
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#summary-title")).containsText("قصف مدفعي/صاروخي");
			assertThat(page.locator(".facts time.when").first())
				.containsText("٢١ أكتوبر ٢٠١٦, ١١:٠٠ Asia/Damascus (UTC+٣)");
			assertThat(page.locator("#report-count")).hasText("١");
			assertThat(page.locator("#reports-title")).containsText("البلاغات");
			BoundingBox card = page.locator("#summary-title").boundingBox();
			BoundingBox term = page.locator(".facts dt").first().boundingBox();
			assertThat(term.x + term.width).as("a term of the facts ends at the right, where the line starts")
				.isGreaterThan(card.x + card.width - 40);
			page.screenshot(
					new Page.ScreenshotOptions().setPath(screenshots.resolve("incident-ar-rtl.png")).setFullPage(true));

			page.click("#digits-switch");
			assertThat(page.locator("#report-count")).hasText("1");
			assertThat(page.locator(".facts time.when").first()).containsText("21 أكتوبر 2016, 11:00");
		}
	}

	@Test
	void anIncidentInRussianAndTheListInEachLanguage() {
		try (BrowserContext context = context("ru-RU")) {
			Page page = context.newPage();
			page.navigate(url("/incidents/" + incident));
			assertThat(page.locator("html")).hasAttribute("lang", "ru");
			assertThat(page.locator("html")).hasAttribute("dir", "ltr");
			assertThat(page.locator("#summary-title")).containsText("Обстрел/артиллерийский/ракетный удар");
			assertThat(page.locator(".facts time.when").first()).containsText("21 окт. 2016, 11:00");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(screenshots.resolve("incident-ru.png")).setFullPage(true));
			page.navigate(url("/incidents"));
			assertThat(page.locator("#incidents-title")).hasText("Инциденты");
			assertThat(page.locator("#incidents thead th").first()).hasText("Когда");
		}
	}

	@Test
	void theSwitcherChangesTheLanguageAndIsRemembered() {
		try (BrowserContext context = context("en-GB")) {
			Page page = context.newPage();
			page.navigate(url("/incidents"));
			assertThat(page.locator("#incidents-title")).hasText("Incidents");
			page.click("#lang-ru");
			assertThat(page.locator("html")).hasAttribute("lang", "ru");
			assertThat(page.locator("#incidents-title")).hasText("Инциденты");
			// Remembered: another page, without ?lang=, is in Russian.
			page.navigate(url("/ledger"));
			assertThat(page.locator("html")).hasAttribute("lang", "ru");
			assertThat(page.locator("#checkpoint-title")).hasText("Новейшая контрольная точка");
			page.click("#lang-ar");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("#checkpoint-title")).hasText("أحدث نقطة تحقق");
			page.screenshot(
					new Page.ScreenshotOptions().setPath(screenshots.resolve("ledger-ar-rtl.png")).setFullPage(true));
		}
	}

	@Test
	void anUnsupportedLanguageIsEnglishAndSaysSo() {
		try (BrowserContext context = context("de-DE")) {
			Page page = context.newPage();
			page.navigate(url("/incidents?lang=fr"));
			assertThat(page.locator("html")).hasAttribute("lang", "en");
			assertThat(page.locator("#language-fallback")).containsText("(fr); this page is in English.");
			assertThat(page.locator("#incidents-title")).hasText("Incidents");
		}
	}

	private static BrowserContext context(String locale) {
		return chromium.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale(locale));
	}

	private static String url(String path) {
		return truce.baseUri().resolve(path).toString();
	}

}
