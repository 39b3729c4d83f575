package org.truce.determination.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.report.application.PublishingReports;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.ReportDraft;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The determinations a reader may see are found before the page is cut, however many it
 * may not see come first: the public, asking for one, gets the one effective
 * determination about a published incident even when seventeen newer ones (more than the
 * sixteen it read before) are about incidents it may not see, and the page says there are
 * no more.
 */
class APageOfDeterminationsIsFullTest {

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of());
		DeterminationsFixture.aleppoPause(truce);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void thePublicsPageHoldsTheDeterminationItMaySee() {
		Http monitor = truce.http("monitor");
		Set<UUID> incidents = new HashSet<>();
		UUID published = incident(0);
		incidents.add(published);
		truce.bean(PublishingReports.class).publish(List.of(reportOf(published)), "co-chair");
		String seen = effective(published);
		for (int i = 1; i <= 17; i++) {
			UUID hidden = incident(i);
			assertThat(incidents.add(hidden)).as("a new incident").isTrue();
			effective(hidden);
		}
		Http anyone = truce.http();

		Http.Response page = anyone.get("/api/determinations?limit=1");

		assertThat(page.status()).as("%s", page).isEqualTo(200);
		JsonNode items = page.json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("id").asString()).isEqualTo(seen);
		assertThat(page.headers().firstValue("Truce-Truncated")).isEmpty();
		Http.Response staff = monitor.get("/api/determinations?limit=1");
		assertThat(staff.json().get("items")).hasSize(1);
		assertThat(staff.headers().firstValue("Truce-Truncated")).hasValue("true");
	}

	private final Map<UUID, UUID> reports = new HashMap<>();

	/** An incident of its own: a shelling, each a kilometre further north. */
	private UUID incident(int i) {
		String key = "page-" + UUID.randomUUID();
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070 + 0.01 * i, 37.1570, "SURVEYED", null, null, null, null),
					"Syrian government", null, null, "Shells struck.", "monitors", key, null), Submitter.record("test"),
					null, key)
			.report()
			.id();
		UUID incident = IncidentFixture.incidentOf(truce, report).id();
		this.reports.put(incident, report);
		return incident;
	}

	private UUID reportOf(UUID incident) {
		return this.reports.get(incident);
	}

	/** Drafted by a monitor and signed by both named sides. */
	private static String effective(UUID incident) {
		Http.Response drafted = truce.http("monitor")
			.postJson("/api/incidents/" + incident + "/determinations",
					DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone during the pause."));
		assertThat(drafted.status()).as("%s", drafted).isEqualTo(201);
		String id = drafted.json().get("id").asString();
		for (String side : List.of("united-states", "russia")) {
			Http.Response signed = truce.http("co-chair:" + side)
				.postJson("/api/determinations/" + id + "/sign-offs", "{}", "If-Match", "\""
						+ truce.http("monitor").get("/api/determinations/" + id).json().get("version").asInt() + "\"");
			assertThat(signed.status()).as("%s", signed).isEqualTo(201);
		}
		return id;
	}

}
