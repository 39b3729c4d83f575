package org.truce.rfi.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
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
 * The requests about an incident are filtered by the reader's rule before the cap, not
 * after: with the cap at 2 and the four earliest requests addressed to another party, a
 * liaison still gets a full page of its own side's requests, marked as cut
 * ({@code Truce-Truncated}) when it has more, and not marked when the page holds all of
 * them.
 */
class ALiaisonsPageOfRequestsIsFullTest {

	private static RunningTruce truce;

	private UUID incident;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of("truce.limits.rows.rfis", 2));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@BeforeEach
	void anIncidentBetweenTwoParties() {
		truce.wipe();
		truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, null),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, null),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, null)));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		String key = "full-page-" + UUID.randomUUID();
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
					"Government of Syria", "Free Syrian Army", null, "Shells struck the old city.", "monitors", key,
					null), Submitter.record("test"), null, key)
			.report()
			.id();
		this.incident = IncidentFixture.incidentOf(truce, report).id();
	}

	@Test
	void aPageFullOfItsOwnRequestsSaysThereAreMore() {
		List<String> government = send(4, 3);

		Http.Response page = truce.http("liaison:syria-government").get("/api/incidents/" + this.incident + "/rfis");

		assertThat(page.status()).as("%s", page).isEqualTo(200);
		assertThat(ids(page.json().get("items"))).containsExactlyElementsOf(government.subList(0, 2));
		assertThat(page.headers().firstValue("Truce-Truncated")).hasValue("true");
		assertThat(page.json().get("truncated").asBoolean()).isTrue();
		Http.Response staff = truce.http("monitor").get("/api/incidents/" + this.incident + "/rfis");
		assertThat(staff.json().get("items")).hasSize(2);
		assertThat(staff.headers().firstValue("Truce-Truncated")).hasValue("true");
	}

	@Test
	void aPageThatHoldsAllOfItsRequestsIsNotMarked() {
		List<String> government = send(4, 2);

		Http.Response page = truce.http("liaison:syria-government").get("/api/incidents/" + this.incident + "/rfis");

		assertThat(ids(page.json().get("items"))).containsExactlyElementsOf(government);
		assertThat(page.headers().firstValue("Truce-Truncated")).isEmpty();
		assertThat(page.headers().firstValue("Truce-Row-Cap")).hasValue("2");
		assertThat(page.json().has("truncated")).isFalse();
	}

	/**
	 * Sends {@code opposition} requests to the opposition, with the earliest deadlines,
	 * then {@code government} to the government; answers the government's ids in order.
	 */
	private List<String> send(int opposition, int government) {
		Http coChair = truce.http("co-chair:united-states");
		Instant soon = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < opposition + government; i++) {
			String party = i < opposition ? "free-syrian-army" : "syria-government";
			Http.Response sent = coChair.postJson("/api/incidents/" + this.incident + "/rfis",
					"{\"party\": \"" + party + "\", \"question\": \"Who fired? (" + i + ")\", \"deadline\": \""
							+ soon.plus(Duration.ofHours(i)) + "\"}");
			assertThat(sent.status()).as("%s", sent).isEqualTo(201);
			if (i >= opposition) {
				ids.add(sent.json().get("id").asString());
			}
		}
		return ids;
	}

	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("id").asString()));
		return ids;
	}

}
