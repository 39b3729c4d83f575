package org.truce.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's entries open to each reader the commitments of what the API shows it: a
 * monitor every group; a liaison the event of each report concerning its side, and its
 * location unless the source is at risk; the public the same of published reports; no one
 * but staff the source and the submitter.
 */
class TheLedgerOpensToEachReaderWhatTheApiShowsTest {

	private static RunningTruce truce;

	private static String concerning;

	private static String atRisk;

	private static String elsewhere;

	@BeforeAll
	static void threeReports() {
		truce = RunningTruce.sqlite(true, Map.of("truce.ledger.checkpoint-seconds", "3600"));
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("islamic-state", "Islamic State", ActorType.ARMED_GROUP, null, List.of("IS"))));
		Sources sources = truce.bean(Sources.class);
		sources.save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
		sources.save(
				new Source("field", "Field monitor Bashir", SourceKind.MONITOR, Reliability.B, true, "+963 555 0101"));
		Http monitor = truce.http("monitor");
		concerning = post(monitor, "monitors", "Syrian government", 36.21013);
		atRisk = post(monitor, "field", "Syrian government", 36.22017);
		elsewhere = post(monitor, "monitors", "IS", 36.23019);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aMonitorSeesEveryGroupOpened() {
		Map<String, List<String>> opened = opened(truce.http("monitor"));
		assertThat(opened.get(concerning)).containsExactlyInAnyOrder("event", "location", "source", "submitter");
		assertThat(opened.get(atRisk)).containsExactlyInAnyOrder("event", "location", "source", "submitter");
		assertThat(opened.get(elsewhere)).containsExactlyInAnyOrder("event", "location", "source", "submitter");
	}

	@Test
	void aLiaisonSeesItsSidesReportsWithoutSourcesOrAtRiskLocations() {
		Http liaison = truce.http("liaison:syria-government");
		Map<String, List<String>> opened = opened(liaison);
		assertThat(opened.get(concerning)).containsExactlyInAnyOrder("event", "location");
		assertThat(opened.get(atRisk)).containsExactly("event");
		assertThat(opened.get(elsewhere)).isEmpty();
		String body = liaison.get("/ledger/entries?start=0&end=" + truce.bean(Ledger.class).size()).body();
		assertThat(body).doesNotContain("Field monitor Bashir").doesNotContain("field\"").doesNotContain("36.22017");
	}

	@Test
	void thePublicSeesPublishedReportsOnly() {
		truce.bean(PublishingReports.class)
			.publish(List.of(UUID.fromString(concerning), UUID.fromString(atRisk)), "test");
		Http anyone = new Http(truce.baseUri());
		Map<String, List<String>> opened = opened(anyone);
		assertThat(opened.get(concerning)).containsExactlyInAnyOrder("event", "location");
		assertThat(opened.get(atRisk)).containsExactly("event");
		assertThat(opened.get(elsewhere)).isEmpty();
		// The proof is of the report's own entry, not of its later publication entry.
		truce.bean(Checkpointing.class).checkpoint();
		Http.Response proof = anyone.get("/api/reports/" + atRisk + "/proof");
		assertThat(proof.status()).as("%s", proof).isEqualTo(200);
		assertThat(proof.json().get("entry").get("kind").asString()).isEqualTo("report");
		assertThat(proof.body()).doesNotContain("36.22017").doesNotContain("Bashir");
	}

	/** The groups opened for each report entry, as the reader gets them. */
	private static Map<String, List<String>> opened(Http http) {
		Http.Response entries = http.get("/ledger/entries?start=0&end=" + truce.bean(Ledger.class).size());
		assertThat(entries.status()).as("%s", entries).isEqualTo(200);
		Map<String, List<String>> out = new HashMap<>();
		for (JsonNode entry : entries.json()) {
			if (!"report".equals(entry.get("kind").asString())) {
				continue;
			}
			List<String> groups = new ArrayList<>();
			for (JsonNode d : entry.get("disclosures")) {
				groups.add(d.get("group").asString());
			}
			out.put(entry.get("subject").asString(), groups);
		}
		return out;
	}

	private static String post(Http http, String source, String actor, double latitude) {
		Http.Response created = http.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
				 "where": {"latitude": %s, "longitude": 37.15}, "source": "%s", "actor": "%s",
				 "narrative": "shelling"}
				""".formatted(latitude, source, actor));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
