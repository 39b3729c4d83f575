package org.truce.incident.web;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.incident.application.Incidents;
import org.truce.ledger.application.LedgerStore;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst signs in, opens an incident, merges a second report's incident into it with
 * a reason, and sends the Syrian government a request for information about it, all with
 * the incident page's forms in a real browser. Skipped when Chromium is not installed,
 * unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class AnAnalystMergesReportsAndAsksAPartyBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static UUID first;

	private static UUID second;

	@BeforeAll
	static void twoReportsOfOneShellingThatTheClusteringKeptApart() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
		Sources sources = truce.bean(Sources.class);
		sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		sources.save(new Source("sarc", "Syrian Arab Red Crescent", SourceKind.NGO, Reliability.B));
		truce.user("analyst", "monitor");
		first = submit("Government of Syria", "monitors", "Shells struck the old city.");
		second = submit("Russian Federation", "sarc", "Rockets fell on the old city market.");
		IncidentFixture.incidentOf(truce, first);
		IncidentFixture.incidentOf(truce, second);
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theAnalystMergesTheTwoReportsWithAReasonAndSendsARequestForInformation() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "analyst");

			page.navigate(truce.baseUri().resolve("/incidents/" + first).toString());
			assertThat(page.locator("#report-count")).hasText("1");
			assertThat(page.locator("#grade")).hasText("SINGLE_SOURCE");

			page.fill("#merge-other", second.toString());
			page.fill("#merge-reason", "One barrage: the same street and hour in both accounts.");
			page.click("#merge-form button[type=submit]");
			page.waitForURL("**/incidents/" + first + "?done=merged");

			assertThat(page.locator("#done")).isVisible();
			assertThat(page.locator("#report-count")).hasText("2");
			assertThat(page.locator("#report-" + second)).isVisible();
			assertThat(page.locator("#contested")).hasText("contested");
			assertThat(page.locator("#grade")).hasText("CONTESTED");
			assertThat(truce.bean(Incidents.class).find(second).orElseThrow().mergedInto()).isEqualTo(first);
			assertThat(truce.bean(LedgerStore.class).indexOf("incident-merged", first.toString())).isPresent();

			page.fill("#rfi-party", "syria-government");
			page.fill("#rfi-question", "Which of your units fired on the old city market that morning?");
			page.fill("#rfi-deadline", "2100-01-01T12:00");
			page.click("#rfi-form button[type=submit]");
			page.waitForURL("**/incidents/" + first + "?done=rfi-sent");

			assertThat(page.locator("#incident-rfis")).containsText("Which of your units fired");
			assertThat(truce.bean(RequestingInformation.class)
				.list("syria-government", null, new RfiReader("test", true, java.util.Set.of()))).singleElement()
				.satisfies(r -> assertThat(r.incidentId()).isEqualTo(first));
		}
	}

	@Test
	void aMergeWithoutAReasonIsRefusedOnThePageAndChangesNothing() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "analyst");
			UUID third = submit("Government of Syria", "monitors", "A third account.");
			IncidentFixture.incidentOf(truce, third);
			page.navigate(truce.baseUri().resolve("/incidents/" + third).toString());

			page.evaluate("document.getElementById('merge-reason').removeAttribute('required')");
			page.fill("#merge-other", UUID.randomUUID().toString());
			page.click("#merge-form button[type=submit]");
			page.waitForURL("**/incidents/" + third + "?error=**");

			assertThat(page.locator("#error")).containsText("reason");
			assertThat(page.locator("#report-count")).hasText("1");
		}
	}

	private static UUID submit(String actor, String source, String narrative) {
		return truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null), actor,
					null, null, narrative, source, UUID.randomUUID().toString(), null),
					org.truce.report.application.Submitter.record("test"), null, "browser-test")
			.report()
			.id();
	}

}
