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
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recent incidents are those the reader may see, found before the page is cut: with
 * three published incidents and, changed since, three the public may not see, the public
 * asking for two gets the two most recent published ones and is told there are more.
 */
class APageOfIncidentsIsFullTest {

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of());
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void thePublicsPageHoldsTheIncidentsItMaySee() throws InterruptedException {
		List<UUID> published = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String key = "incidents-page-" + i;
			UUID report = truce.bean(SubmittingReport.class)
				.submit(new ReportDraft("shelling_artillery_missile_attack",
						new ReportDraft.When("2016-10-0" + (i + 1) + "T11:00:00+03:00", null, "EXACT"),
						new ReportDraft.Where(36.0 + 0.1 * i, 37.1570, "SURVEYED", null, null, null, null), null, null,
						null, "Shells struck.", "monitors", key, null), Submitter.record("test"), null, key)
				.report()
				.id();
			IncidentFixture.incidentOf(truce, report);
			if (i < 3) {
				truce.bean(PublishingReports.class).publish(List.of(report), "co-chair");
				published.add(report);
			}
			Thread.sleep(5);
		}

		Http.Response page = truce.http().get("/api/incidents?limit=2");

		assertThat(page.status()).as("%s", page).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode incident : page.json()) {
			ids.add(incident.get("id").asString());
		}
		assertThat(ids).containsExactly(published.get(2).toString(), published.get(1).toString());
		assertThat(page.headers().firstValue("Truce-Truncated")).hasValue("true");
		Http.Response all = truce.http().get("/api/incidents?limit=3");
		assertThat(all.json()).hasSize(3);
		assertThat(all.headers().firstValue("Truce-Truncated")).isEmpty();
	}

}
