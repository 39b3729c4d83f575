package org.truce.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recent incidents are ordered by the changes their reader may see. Two published
 * incidents, the older first; the government's liaison then states a claim about the
 * older one, which the public may not read. The record changed last is now the older
 * incident, and the staff see it first; the public's list is as it was, so the order does
 * not tell it that something hidden happened, nor when.
 */
class AHiddenChangeMovesNoIncidentUpTest {

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of());
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.UNITED_STATES, Parties.RUSSIA);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void thePublicsOrderIgnoresAClaimItMayNotRead() throws InterruptedException {
		UUID older = publishedIncident(0);
		Thread.sleep(5);
		UUID newer = publishedIncident(1);
		String before = truce.http().get("/api/incidents").body();
		assertThat(ids(truce.http().get("/api/incidents"))).containsExactly(newer.toString(), older.toString());
		Thread.sleep(5);

		Http.Response claimed = truce.http("liaison:syria-government")
			.postJson("/api/incidents/" + older + "/claims",
					"{\"position\": \"DENIES\", \"actor\": \"syria-government\", \"statement\": \"Not ours.\"}");
		assertThat(claimed.status()).as("%s", claimed).isEqualTo(201);

		assertThat(ids(truce.http("monitor").get("/api/incidents"))).as("the record changed last comes first")
			.containsExactly(older.toString(), newer.toString());
		assertThat(truce.http().get("/api/incidents").body()).as("the public's list, as before the claim")
			.isEqualTo(before);
		assertThat(ids(truce.http().get("/api/incidents?limit=1"))).containsExactly(newer.toString());
	}

	private static UUID publishedIncident(int i) {
		String key = "hidden-change-" + i;
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-0" + (i + 1) + "T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.0 + 0.1 * i, 37.1570, "SURVEYED", null, null, null, null),
					"Government of Syria", null, null, "Shells struck.", "monitors", key, null),
					Submitter.record("test"), null, key)
			.report()
			.id();
		IncidentFixture.incidentOf(truce, report);
		truce.bean(PublishingReports.class).publish(List.of(report), "co-chair");
		return report;
	}

	private static List<String> ids(Http.Response page) {
		assertThat(page.status()).as("%s", page).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode incident : page.json()) {
			ids.add(incident.get("id").asString());
		}
		return ids;
	}

}
