package org.truce.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Chromium;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reader in a real browser (Debian's Chromium), from the public to every role: the
 * navigation lists exactly the pages the reader may use, and every page reached from it
 * (and every incident, notification, access request or determination those pages link to)
 * opens with neither a console error nor a Content Security Policy violation. Times are
 * written in the scenario's zone, here Asia/Damascus, with its offset and then in UTC.
 * Skipped when Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class EveryPageFromEachReadersNavigationBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static final String PASSWORD = "correct horse battery staple";

	/** The pages of a detail, linked from the pages of the navigation. */
	private static final String DETAIL_LINKS = "main a[href^='/incidents/'], main a[href^='/notifications/'],"
			+ " main a[href^='/access-requests/'], main a[href^='/determinations/']";

	private static RunningTruce truce;

	private static String incident;

	/**
	 * Who reads, and the pages it may use in the order of the navigation (docs/access.md,
	 * {@code SecurityConfiguration#authorize}).
	 */
	enum Reader {

		PUBLIC(null, "/", "/incidents", "/bulletins", "/statistics", "/ledger"),

		ADMIN("admin", "/", "/incidents", "/bulletins", "/statistics", "/ledger"),

		MONITOR("monitor", "/", "/incidents", "/inbox", "/review", "/determinations/queue", "/notifications",
				"/access-requests", "/bulletins", "/statistics", "/ledger"),

		CO_CHAIR("co-chair:united-states", "/", "/incidents", "/inbox", "/review", "/determinations/queue",
				"/notifications", "/access-requests", "/positions", "/bulletins", "/statistics", "/ledger"),

		LIAISON("liaison:syria-government", "/", "/incidents", "/inbox", "/notifications", "/access-requests",
				"/positions", "/bulletins", "/statistics", "/ledger"),

		NOTIFIER("notifier", "/", "/incidents", "/notifications", "/access-requests", "/bulletins", "/statistics",
				"/ledger");

		final String grant;

		final List<String> pages;

		Reader(String grant, String... pages) {
			this.grant = grant;
			this.pages = List.of(pages);
		}

		String username() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@BeforeAll
	static void aStoreWithSomethingOnEachPage() throws Exception {
		truce = RunningTruce.sqlite(true);
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, null),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, null)));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		ManagingUsers users = truce.bean(ManagingUsers.class);
		for (Reader reader : Reader.values()) {
			if (reader.grant != null) {
				users.add(reader.username(), PASSWORD, List.of(Grant.parse(reader.grant).orElseThrow()),
						ManagingUsers.COMMAND_LINE);
			}
		}
		Http monitor = truce.http("monitor");
		String report = monitor.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack",
				 "when": {"start": "2016-10-21T11:00:00+03:00", "precision": "EXACT"},
				 "where": {"latitude": 36.207, "longitude": 37.157}, "actor": "Syrian government",
				 "source": "monitors", "narrative": "Shells struck the old city."}""").json().get("id").asString();
		incident = IncidentFixture.incidentOf(truce, java.util.UUID.fromString(report)).id().toString();
		assertThat(monitor.postJson("/api/incidents/" + incident + "/rfis", """
				{"party": "syria-government", "question": "Which unit fired?", "deadline": "2100-01-01T00:00:00Z"}""")
			.status()).isEqualTo(201);
		Http notifier = truce.http("notifier");
		assertThat(notifier.postJson("/api/notifications", """
				{"kind": "SITE", "name": "Clinic in Tariq al-Bab", "siteKind": "CLINIC",
				 "geometry": {"type": "Point", "coordinates": [37.18, 36.21]}, "parties": ["syria-government"],
				 "from": "2016-09-19T06:00:00Z", "to": "2016-09-20T06:00:00Z"}""").status()).isEqualTo(201);
		assertThat(notifier.postJson("/api/access-requests",
				"""
						{"route": {"type": "LineString", "coordinates": [[37.13, 36.24], [37.17, 36.25]]},
						 "destination": {"name": "Eastern Aleppo", "latitude": 36.21, "longitude": 37.18},
						 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"}], "peopleInNeed": 275000,
						 "parties": ["syria-government"], "from": "2016-09-15T06:00:00+03:00", "to": "2016-09-16T18:00:00+03:00"}""")
			.status()).isEqualTo(201);
		assertThat(truce.http("liaison:syria-government").postJson("/api/positions", """
				{"area": {"type": "Point", "coordinates": [37.2, 36.3]},
				 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""").status()).isEqualTo(201);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Reader.class)
	void theNavigationListsExactlyThePagesTheReaderMayUse(Reader reader) {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, reader);
			page.navigate(truce.baseUri().resolve("/").toString());
			assertThat(navigation(page)).as("the navigation of %s", reader).isEqualTo(reader.pages);
		}
	}

	@ParameterizedTest
	@EnumSource(Reader.class)
	void everyPageTheReaderCanNavigateToOpensWithoutAnErrorOrViolation(Reader reader) {
		try (BrowserContext context = chromium.newContext()) {
			context.addInitScript(Chromium.WATCH_VIOLATIONS);
			Page page = context.newPage();
			List<String> errors = watchErrors(page);
			signIn(page, reader);
			page.navigate(truce.baseUri().resolve("/").toString());
			Set<String> details = new LinkedHashSet<>();
			for (String path : navigation(page)) {
				page.click("nav.topnav a[href='" + path + "']");
				page.waitForURL(truce.baseUri().resolve(path).toString());
				assertOpenedCleanly(page, path, errors);
				assertThat(navigation(page)).as("the navigation on %s", path).isEqualTo(reader.pages);
				for (Object href : (List<?>) page.evaluate(
						"s => Array.from(document.querySelectorAll(s), a =>" + " a.getAttribute('href'))",
						DETAIL_LINKS)) {
					details.add(String.valueOf(href));
				}
			}
			if (reader.pages.size() > Reader.PUBLIC.pages.size()) {
				assertThat(details).as("the pages %s reaches from the navigation's", reader).isNotEmpty();
			}
			for (String path : details) {
				page.navigate(truce.baseUri().resolve(path).toString());
				assertOpenedCleanly(page, path, errors);
			}
		}
	}

	@Test
	void timesAreWrittenInTheScenariosZoneWithTheirOffsetAndInUtc() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			signIn(page, Reader.MONITOR);
			page.navigate(truce.baseUri().resolve("/incidents/" + incident).toString());
			var when = page.locator("#summary-title + dl time").first();
			assertThat(when).hasText("21 Oct 2016, 11:00 Asia/Damascus (UTC+3) · 2016-10-21 08:00 UTC");
			assertThat(when).hasAttribute("title", "2016-10-21 08:00 UTC");
			assertThat(when).hasAttribute("datetime", "2016-10-21T08:00:00Z");
			assertThat(page.locator("body")).hasAttribute("data-time-zone", "Asia/Damascus");
		}
	}

	private static void signIn(Page page, Reader reader) {
		if (reader.grant == null) {
			return;
		}
		page.navigate(truce.baseUri().resolve("/login").toString());
		page.fill("#username", reader.username());
		page.fill("#password", PASSWORD);
		page.click("#submit");
		page.waitForLoadState();
		assertThat(page.locator("#signed-in-as")).hasText(reader.username());
	}

	@SuppressWarnings("unchecked")
	private static List<String> navigation(Page page) {
		return (List<String>) page
			.evaluate("() => Array.from(document.querySelectorAll('nav.topnav a'), a => a.getAttribute('href'))");
	}

	private static List<String> watchErrors(Page page) {
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		page.onPageError(error -> errors.add("page error: " + error));
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())
					|| "warning".equals(message.type()) && message.text().contains("Content Security Policy")) {
				errors.add("console " + message.type() + " on " + page.url() + ": " + message.text());
			}
		});
		page.onResponse(response -> {
			if (response.status() >= 400) {
				errors.add(response.status() + " " + response.url());
			}
		});
		return errors;
	}

	/**
	 * Waits for the page to settle: the map's points drawn (its alerts' event stream
	 * stays open), any other page's requests done.
	 */
	private static void assertOpenedCleanly(Page page, String path, List<String> errors) {
		if ("/".equals(path)) {
			page.waitForSelector("#map[data-markers]");
		}
		else {
			page.waitForLoadState(LoadState.NETWORKIDLE);
		}
		assertThat(page.locator("main")).hasCount(1);
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate("() => window.__violations");
		assertThat(violations).as("CSP violations on %s", path).isEmpty();
		assertThat(errors).as("errors up to %s", path).isEmpty();
	}

}
