package org.truce.rfi.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.model.RequestForInformation;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Syrian government's liaison signs in, finds a co-chair's request in its inbox with
 * its deadline, and answers it with the page's form (a session form with its CSRF token),
 * in a real browser; a monitor sees the overdue requests on the same page. Skipped when
 * Chromium is not installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class ALiaisonAnswersInTheInboxBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static RequestForInformation asked;

	private static RequestForInformation overdue;

	@BeforeAll
	static void start() throws InterruptedException {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.UNITED_STATES);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		truce.user("monitor-m", "monitor");
		truce.user("liaison-sy", "liaison:syria-government");
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
					"Government of Syria", null, null, "Shells struck the old city.", "monitors", "inbox-1", null),
					org.truce.report.application.Submitter.record("test"), null, "browser-test")
			.report()
			.id();
		UUID incident = IncidentFixture.incidentOf(truce, report).id();
		RequestingInformation rfis = truce.bean(RequestingInformation.class);
		List<Grant> coChair = List.of(new Grant(Role.CO_CHAIR, "united-states"));
		Instant soon = Instant.now().plusSeconds(1);
		overdue = rfis
			.send(incident, new RequestingInformation.NewRequest("syria-government", "Where were your guns?", soon),
					"us-1", coChair, null)
			.request();
		asked = rfis
			.send(incident,
					new RequestingInformation.NewRequest("syria-government", "Which unit fired on the old city?",
							Instant.now().plusSeconds(86_400)),
					"us-1", coChair, null)
			.request();
		Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis() + 100));
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theLiaisonAnswersARequestWithTheInboxForm() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "liaison-sy");
			page.navigate(truce.baseUri().resolve("/inbox").toString());

			String item = "#rfi-" + asked.id();
			assertThat(page.locator(item + " .rfi-question")).hasText("Which unit fired on the old city?");
			assertThat(page.locator(item + " .rfi-deadline")).hasText(asked.deadline().toString());
			assertThat(page.locator("#rfi-" + overdue.id() + " .flag-overdue")).hasText("overdue");
			assertThat(page.locator(".rfi").first()).hasAttribute("id", "rfi-" + overdue.id());
			assertThat(page.locator(item + " input[name=_csrf]")).hasCount(1);

			page.fill("#answer-" + asked.id(), "A unit of the 4th Division; it has been withdrawn.");
			page.click(item + " button[type=submit]");
			page.waitForURL("**/inbox?answered=" + asked.id());

			assertThat(page.locator("#answer-recorded")).isVisible();
			assertThat(page.locator(item + " blockquote"))
				.hasText("A unit of the 4th Division; it has been withdrawn.");
			assertThat(page.locator(item + " form")).hasCount(0);
			RequestForInformation stored = truce.bean(RequestingInformation.class)
				.read(asked.id(), new org.truce.rfi.application.RfiReader("test", true, java.util.Set.of()))
				.orElseThrow();
			assertThat(stored.answer()).isNotNull();
			assertThat(stored.answer().text()).isEqualTo("A unit of the 4th Division; it has been withdrawn.");
			assertThat(page.locator("#overdue-title")).hasCount(0);
		}
	}

	@Test
	void aMonitorSeesTheOverdueRequestsOnTheSamePage() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "monitor-m");
			page.navigate(truce.baseUri().resolve("/inbox").toString());

			assertThat(page.locator("#overdue-" + overdue.id())).containsText("syria-government");
			assertThat(page.locator("#overdue-" + asked.id())).hasCount(0);
			assertThat(page.locator("#summary")).containsText("united-states → syria-government");
			assertThat(page.locator("#rfis")).hasCount(0);
		}
	}

}
