package org.truce.rfi.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.identity.application.Users;
import org.truce.identity.model.User;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiState;
import org.truce.shared.RejectedException;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A request for information sent and answered in 2016, recorded now (as a scenario's
 * reconstruction is): it keeps the asserted times, so it is answered late by them, and
 * the ledger says the times are asserted, by what, and when Truce recorded them.
 */
class ARequestAnsweredInThePastKeepsItsAssertedTimesTest {

	static final String PROVENANCE = "Reconstruction for the test, from a public denial.";

	static RunningTruce truce;

	static UUID incident;

	static User monitor;

	static User liaison;

	@BeforeAll
	static void anIncidentAndTheUsers() {
		truce = RunningTruce.sqlite(false);
		truce.register(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, null));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("air_drone_strike",
					new ReportDraft.When("2016-09-19T19:30:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.1481, 36.94775, "EXACT", null, "Urum al Kubra town", null, null), null,
					null, null, "A convoy was struck.", "monitors", "past-rfi", null),
					org.truce.report.application.Submitter.record("test"), null, "past-rfi")
			.report()
			.id();
		incident = IncidentFixture.incidentOf(truce, report).id();
		truce.user("past-monitor", "monitor");
		truce.user("past-liaison", "liaison:syria-government");
		monitor = truce.bean(Users.class).byUsername("past-monitor").orElseThrow();
		liaison = truce.bean(Users.class).byUsername("past-liaison").orElseThrow();
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	static RequestForInformation record(String sentAt, String deadline, String answeredAt) {
		RequestingInformation rfis = truce.bean(RequestingInformation.class);
		return rfis.recordPast(incident,
				new RequestingInformation.PastRequest("syria-government", "Which aircraft flew there?",
						Instant.parse(sentAt), Instant.parse(deadline), "None of ours.", Instant.parse(answeredAt),
						PROVENANCE),
				monitor.id().toString(), monitor.grants(), rfis.reader(liaison.id().toString(), liaison.grants()));
	}

	@Test
	void anAnswerAssertedAfterTheDeadlineIsLateAndTheLedgerSaysTheTimesAreAsserted() {
		long before = truce.bean(Ledger.class).size();
		RequestForInformation rfi = record("2016-09-20T09:00:00Z", "2016-09-23T09:00:00Z", "2016-09-27T07:00:00Z");

		assertThat(rfi.requestedAt()).isEqualTo(Instant.parse("2016-09-20T09:00:00Z"));
		assertThat(rfi.answer().at()).isEqualTo(Instant.parse("2016-09-27T07:00:00Z"));
		assertThat(rfi.answer().by()).isEqualTo(liaison.id().toString());
		assertThat(rfi.state(Instant.now())).isEqualTo(RfiState.ANSWERED_LATE);
		List<LedgerStore.StoredEntry> entries = truce.bean(Ledger.class)
			.entries(before, truce.bean(Ledger.class).size());
		assertThat(entries).extracting(LedgerStore.StoredEntry::kind).containsExactly("rfi-sent", "rfi-answered");
		assertThat(entries).allSatisfy(e -> assertThat(e.canonicalJson()).contains("\"asserted\":true",
				"\"provenance\":\"" + PROVENANCE + "\"",
				"\"recordedAt\":\"" + e.appendedAt().toString().substring(0, 4)));
		assertThat(entries.get(1).canonicalJson()).contains("\"late\":true", "\"answeredAt\":\"2016-09-27T07:00:00Z\"");
	}

	@Test
	void noTimeMayBeAssertedLaterThanItIsRecorded() {
		RejectedException refused = catchThrowableOfType(RejectedException.class,
				() -> record("2016-09-20T09:00:00Z", "2016-09-23T09:00:00Z", "2999-01-01T00:00:00Z"));
		assertThat(refused.problems()).extracting(p -> p.field()).containsExactly("answeredAt");
	}

	@Test
	void aDeadlineBeforeTheRequestWasSentIsRefused() {
		RejectedException refused = catchThrowableOfType(RejectedException.class,
				() -> record("2016-09-20T09:00:00Z", "2016-09-19T09:00:00Z", "2016-09-21T07:00:00Z"));
		assertThat(refused.problems()).extracting(p -> p.field()).containsExactly("deadline");
	}

}
