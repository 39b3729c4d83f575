package org.truce.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.rfi.application.RequestingInformation.NewRequest;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.model.RequestForInformation;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce rfis}, run by an operator on a store: a side's complaint that its requests
 * to a party went unanswered can be checked against the counts, and {@code --overdue}
 * lists the requests behind them.
 */
class CountingRequestsForInformationTest {

	@TempDir
	Path dir;

	@Test
	void theCountsBySideAndPartyShowWhatWasAnsweredAndWhatIsOverdue() throws Exception {
		List<RequestForInformation> overdue;
		try (RunningTruce truce = RunningTruce.sqliteIn(this.dir, false)) {
			truce.register(Parties.SYRIA_GOVERNMENT, Parties.UNITED_STATES, Parties.RUSSIA);
			truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
			UUID report = truce.bean(SubmittingReport.class)
				.submit(new ReportDraft("shelling_artillery_missile_attack",
						new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
						new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
						"Government of Syria", null, null, "Shells struck the old city.", "monitors", "cli-1", null),
						org.truce.report.application.Submitter.record("test"), null, "cli-test")
				.report()
				.id();
			UUID incident = IncidentFixture.incidentOf(truce, report).id();
			RequestingInformation rfis = truce.bean(RequestingInformation.class);
			List<Grant> us = List.of(new Grant(Role.CO_CHAIR, "united-states"));
			List<Grant> liaison = List.of(new Grant(Role.LIAISON, "syria-government"));
			Instant soon = Instant.now().plusSeconds(1);
			for (int i = 0; i < 3; i++) {
				rfis.send(incident, new NewRequest("syria-government", "Question " + i, soon), "us-1", us, null);
			}
			RequestForInformation answered = rfis
				.send(incident, new NewRequest("syria-government", "Answered", soon), "us-1", us, null)
				.request();
			rfis.answer(answered.id(), "An answer in time.", 1, rfis.reader("sy-1", liaison));
			rfis.send(incident, new NewRequest("russia", "To Russia", Instant.now().plusSeconds(3600)), "m-1",
					List.of(new Grant(Role.MONITOR, null)), null);
			Thread.sleep(Math.max(0, soon.toEpochMilli() - System.currentTimeMillis() + 100));
			overdue = rfis.list(null, org.truce.rfi.application.RequestsForInformation.Status.OVERDUE,
					rfis.reader("m-1", List.of(new Grant(Role.MONITOR, null))));
		}

		Truce.Run all = Truce.run("rfis", "--data", this.dir.toString());
		Truce.Run toSyria = Truce.run("rfis", "--party", "syria-government", "--overdue", "--data",
				this.dir.toString());

		assertThat(all.exitCode()).as(all.err()).isZero();
		assertThat(all.out()).containsPattern("united-states → syria-government\\s+4\\s+1\\s+0\\s+3\\s+0")
			.containsPattern("monitors → russia\\s+1\\s+0\\s+0\\s+0\\s+1")
			.containsPattern("By party:\\s+sent\\s+on time\\s+late\\s+overdue\\s+open\\s+russia\\s+1")
			.doesNotContain("Overdue (");
		assertThat(toSyria.exitCode()).isZero();
		assertThat(toSyria.out()).contains("to syria-government").doesNotContain("russia").contains("Overdue (3):");
		assertThat(overdue).hasSize(3);
		for (RequestForInformation r : overdue) {
			assertThat(toSyria.out()).contains(r.id().toString());
		}
	}

}
