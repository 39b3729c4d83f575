package org.truce.incident.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader is told of an incident's course depends only on what it sees: when the
 * government states a claim the opposition may not read, the opposition's answer (its
 * ETag, its updatedAt, the whole body) stays as it was, while the government's own answer
 * moves; staff are told the record's version and change the incident with it as If-Match.
 */
class AnIncidentsVersionMovesOnlyWithWhatItsReaderSeesTest {

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of());
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA"))));
		truce.bean(Sources.class).save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aClaimTheOppositionMayNotReadMovesNothingItIsTold() {
		Http monitor = truce.http("monitor");
		Http government = truce.http("liaison:syria-government");
		Http opposition = truce.http("liaison:free-syrian-army");
		Http.Response report = monitor.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
				 "where": {"latitude": 36.21, "longitude": 37.15}, "source": "monitors",
				 "actor": "Syrian government", "target": "FSA", "narrative": "shelling"}""");
		assertThat(report.status()).as("%s", report).isEqualTo(201);
		String id = report.json().get("id").asString();
		IncidentFixture.incidentOf(truce, UUID.fromString(id));
		Http.Response before = opposition.get("/api/incidents/" + id);
		Http.Response governmentBefore = government.get("/api/incidents/" + id);
		assertThat(before.status()).as("%s", before).isEqualTo(200);
		assertThat(before.json().has("version")).as("no version for a reader who sees a part").isFalse();
		assertThat(before.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).startsWith("W/\""));

		Http.Response claim = government.postJson("/api/incidents/" + id + "/claims",
				"{\"position\": \"DENIES\", \"actor\": \"syria-government\", \"statement\": \"Not us.\"}");
		assertThat(claim.status()).as("%s", claim).isEqualTo(201);

		Http.Response after = opposition.get("/api/incidents/" + id);
		assertThat(after.body()).isEqualTo(before.body());
		assertThat(after.headers().firstValue("ETag")).isEqualTo(before.headers().firstValue("ETag"));
		Http.Response governmentAfter = government.get("/api/incidents/" + id);
		assertThat(governmentAfter.headers().firstValue("ETag"))
			.isNotEqualTo(governmentBefore.headers().firstValue("ETag"));
		assertThat(governmentAfter.json().get("updatedAt").asString())
			.isEqualTo(governmentAfter.json().get("claims").get(0).get("madeAt").asString());

		Http.Response staff = monitor.get("/api/incidents/" + id);
		int version = staff.json().get("version").asInt();
		assertThat(staff.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
		Http.Response discounted = monitor.postJson("/api/incidents/" + id + "/discount",
				"{\"discounted\": true, \"reason\": \"A duplicate.\"}", "If-Match",
				staff.headers().firstValue("ETag").orElseThrow());
		assertThat(discounted.status()).as("%s", discounted).isEqualTo(200);
		assertThat(discounted.headers().firstValue("ETag")).hasValue("\"" + (version + 1) + "\"");
	}

}
