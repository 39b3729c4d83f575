package org.truce.report.web;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.Reports;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitors register three sources: their own team's (no list: monitors only), the
 * Syrian government's liaison office (its side's liaisons) and one field contact's (one
 * named user). Each is used only by those it belongs to; anyone else filing under it gets
 * exactly the answer for a source that does not exist, so the answer tells nobody which
 * sources exist.
 */
class ALiaisonFilesOnlyUnderSourcesItBelongsToTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static Http government;

	private static Http opposition;

	private static Http contact;

	@BeforeAll
	static void threeSources() {
		truce = RunningTruce.sqlite(true);
		truce.register(
				new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						List.of("Syrian government")),
				new Actor("fsa", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA")));
		monitor = truce.http("monitor");
		government = truce.http("liaison:syria-government");
		opposition = truce.http("liaison:fsa");
		contact = truce.http("liaison:fsa");
		String contactId = contact.get("/api/me").json().get("userId").asString();
		register("""
				{"id": "monitors", "name": "Monitoring team", "kind": "MONITOR", "reliability": "A"}""");
		register("""
				{"id": "sy-liaison-office", "name": "Liaison office of the Government of Syria",
				 "kind": "PARTY_LIAISON", "usedBy": ["liaison:syria-government"]}""");
		register("""
				{"id": "field-contact", "name": "Field contact in Idlib", "kind": "NGO", "usedBy": ["%s"]}"""
			.formatted(contactId));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static void register(String json) {
		Http.Response registered = monitor.postJson("/api/sources", json);
		assertThat(registered.status()).as("%s", registered).isEqualTo(201);
	}

	private static Http.Response file(Http who, String source) {
		return who.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
				 "where": {"latitude": 36.21, "longitude": 37.15}, "source": "%s",
				 "actor": "FSA", "target": "Syrian government", "narrative": "shelling"}""".formatted(source));
	}

	@Test
	void eachSourceIsUsedByThoseItBelongsTo() {
		assertThat(file(monitor, "monitors").status()).isEqualTo(201);
		assertThat(file(government, "sy-liaison-office").status()).isEqualTo(201);
		assertThat(file(contact, "field-contact").status()).isEqualTo(201);
	}

	@Test
	void aLiaisonFilingUnderASourceNotItsOwnGetsTheAnswerForAnUnknownSource() {
		long before = truce.bean(Reports.class).count();
		JsonNode unknown = refused(government, "no-such-source");

		assertThat(refused(government, "monitors")).isEqualTo(unknown);
		assertThat(refused(government, "field-contact")).isEqualTo(unknown);
		assertThat(refused(opposition, "sy-liaison-office")).isEqualTo(unknown);
		assertThat(refused(opposition, "no-such-source")).isEqualTo(unknown);
		assertThat(refused(monitor, "sy-liaison-office")).as("a party's source is not the monitors'")
			.isEqualTo(unknown);
		assertThat(refused(monitor, "field-contact")).isEqualTo(unknown);
		assertThat(truce.bean(Reports.class).count()).isEqualTo(before);
	}

	@Test
	void whoMayUseASourceIsShownToStaffWithTheSource() {
		JsonNode sources = monitor.get("/api/sources").json();
		JsonNode office = null;
		for (JsonNode s : sources) {
			if (s.get("id").asString().equals("sy-liaison-office")) {
				office = s;
			}
		}
		assertThat(office).as("%s", sources).isNotNull();
		assertThat(office.get("usedBy").get(0).asString()).isEqualTo("liaison:syria-government");
	}

	@Test
	void aSourceNamingAMalformedUserIsRefused() {
		Http.Response refused = monitor.postJson("/api/sources", """
				{"id": "bad", "name": "Bad", "kind": "NGO", "usedBy": ["no spaces allowed"]}""");
		assertThat(refused.status()).as("%s", refused).isEqualTo(422);
		assertThat(refused.field()).isEqualTo("usedBy[0]");
	}

	@Test
	void aLiaisonsClaimOrEvidenceOnAnIncidentNotOfItsSideIsAnsweredAsForAnUnknownIncident() {
		Http.Response filed = monitor.postJson("/api/reports", """
				{"eventType": "armed_clash", "when": {"start": "2016-10-22"},
				 "where": {"latitude": 35.93, "longitude": 36.63}, "source": "monitors",
				 "actor": "FSA", "narrative": "clashes"}""");
		assertThat(filed.status()).as("%s", filed).isEqualTo(201);
		String incident = IncidentFixture.incidentOf(truce, UUID.fromString(filed.json().get("id").asString()))
			.id()
			.toString();
		String unknown = "01234567-89ab-7def-8123-456789abcdef";
		String claim = """
				{"position": "DENIES", "statement": "not us"}""";

		Http.Response hidden = government.postJson("/api/incidents/" + incident + "/claims", claim);
		Http.Response absent = government.postJson("/api/incidents/" + unknown + "/claims", claim);
		assertThat(hidden.status()).as("%s", hidden).isEqualTo(absent.status()).isEqualTo(404);
		assertThat(hidden.body().replace(incident, "{id}")).isEqualTo(absent.body().replace(unknown, "{id}"));

		Http.Response hiddenEvidence = government.post("/api/incidents/" + incident + "/evidence", "text/plain",
				"a statement".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
		Http.Response absentEvidence = government.post("/api/incidents/" + unknown + "/evidence", "text/plain",
				"a statement".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
		assertThat(hiddenEvidence.status()).as("%s", hiddenEvidence).isEqualTo(absentEvidence.status()).isEqualTo(404);
		assertThat(hiddenEvidence.body().replace(incident, "{id}"))
			.isEqualTo(absentEvidence.body().replace(unknown, "{id}"));
	}

	/** The problem answered, which must name the field source and nothing else. */
	private static JsonNode refused(Http who, String source) {
		Http.Response response = file(who, source);
		assertThat(response.status()).as("%s", response).isEqualTo(422);
		assertThat(response.code()).isEqualTo("UNKNOWN_SOURCE");
		assertThat(response.field()).isEqualTo("source");
		assertThat(response.body()).doesNotContain("'" + source + "'");
		return response.json();
	}

}
