package org.truce.determination.web;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.determination.application.Determining;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joint determination over real HTTP: a monitor drafts it, the US co-chair signs (still
 * a draft), a co-chair of a side it does not name is refused, the Russian co-chair signs
 * (effective); replays, stale versions, edits, dissents and comments, and who reads what.
 */
class SigningADeterminationOverHttpTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static Http us;

	private static Http ru;

	private static Http turkey;

	private static Http liaison;

	private UUID incident;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		monitor = truce.http("monitor");
		us = truce.http("co-chair:united-states");
		ru = truce.http("co-chair:russia");
		turkey = truce.http("co-chair:turkey");
		liaison = truce.http("liaison:syria-government");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@BeforeEach
	void aShellingDuringThePause() {
		this.incident = DeterminationsFixture.shellingIncident(truce);
	}

	private JsonNode drafted() {
		Http.Response drafted = monitor.postJson("/api/incidents/" + this.incident + "/determinations",
				DeterminationsFixture.draftJson("VIOLATION", "Shelling in the pause zone during the pause."));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json();
	}

	private static Http.Response sign(Http who, String id, int version, String... headers) {
		return who.postJson("/api/determinations/" + id + "/sign-offs", "{\"version\": " + version + "}", headers);
	}

	/** Entries of a kind about a determination: with its id as subject, or naming it. */
	private static long ledgerEntries(String kind, String subject) {
		return truce.jdbc()
			.sql("SELECT count(*) FROM ledger_entries WHERE kind = ? AND (subject = ? OR entry LIKE ?)")
			.params(kind, subject, "%\"determination\":\"" + subject + "\"%")
			.query(Long.class)
			.single();
	}

	@Test
	void itTakesEffectOnlyOnceBothNamedSidesHaveSigned() {
		JsonNode draft = drafted();
		String id = draft.get("id").asString();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("version").asInt()).isEqualTo(1);
		assertThat(draft.get("sides").findValuesAsString("side")).containsExactly("united-states", "russia");
		assertThat(draft.get("quorum").asInt()).isEqualTo(2);
		assertThat(ledgerEntries(Determining.DRAFTED, id)).isEqualTo(1);

		Http.Response bySomeoneElse = sign(turkey, id, 1);
		assertThat(bySomeoneElse.status()).isEqualTo(403);
		assertThat(bySomeoneElse.isProblem()).isTrue();
		assertThat(bySomeoneElse.code()).isEqualTo("SIDE_NOT_NAMED");

		Http.Response byUs = sign(us, id, 1);
		assertThat(byUs.status()).as(byUs.toString()).isEqualTo(201);
		assertThat(byUs.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(byUs.json().get("version").asInt()).isEqualTo(2);
		assertThat(byUs.headers().firstValue("ETag")).hasValue("\"2\"");

		Http.Response again = sign(us, id, 2);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_SIGNED");

		Http.Response byRussia = ru.postJson("/api/determinations/" + id + "/sign-offs", "{}", "If-Match", "\"2\"");
		assertThat(byRussia.status()).as(byRussia.toString()).isEqualTo(201);
		assertThat(byRussia.json().get("status").asString()).isEqualTo("EFFECTIVE");
		assertThat(byRussia.json().get("effectiveAt").isNull()).isFalse();

		JsonNode read = monitor.get("/api/determinations/" + id).json();
		assertThat(read.get("status").asString()).isEqualTo("EFFECTIVE");
		assertThat(read.get("sides").findValuesAsString("signedBy")).hasSize(2).doesNotContainNull();
		assertThat(ledgerEntries(Determining.SIGNED, id)).isEqualTo(2);
		assertThat(ledgerEntries(Determining.EFFECTIVE, id)).isEqualTo(1);
	}

	@Test
	void aReplayedSignOffGetsTheSameAnswerAndSignsOnce() {
		String id = drafted().get("id").asString();

		Http.Response first = sign(us, id, 1, "Idempotency-Key", "sign-1");
		Http.Response replay = sign(us, id, 1, "Idempotency-Key", "sign-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.json()).isEqualTo(first.json());
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(ledgerEntries(Determining.SIGNED, id)).isEqualTo(1);
		assertThat(truce.jdbc()
			.sql("SELECT count(*) FROM determination_sign_offs WHERE determination_id = ?")
			.param(truce.dialect().uuid(UUID.fromString(id)))
			.query(Long.class)
			.single()).isEqualTo(1);

		Http.Response otherBody = us.postJson("/api/determinations/" + id + "/sign-offs",
				"{\"version\": 1, \"side\": \"united-states\"}", "Idempotency-Key", "sign-1");
		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void theSameKeyWithAnotherIfMatchIsAnotherRequest() {
		String id = drafted().get("id").asString();

		Http.Response first = us.postJson("/api/determinations/" + id + "/sign-offs", "{}", "If-Match", "\"1\"",
				"Idempotency-Key", "sign-if-match");
		Http.Response replay = us.postJson("/api/determinations/" + id + "/sign-offs", "{}", "If-Match", " \"1\" ",
				"Idempotency-Key", "sign-if-match");
		Http.Response otherVersion = us.postJson("/api/determinations/" + id + "/sign-offs", "{}", "If-Match", "\"2\"",
				"Idempotency-Key", "sign-if-match");

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.headers().firstValue("ETag")).hasValue("\"2\"");
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.headers().firstValue("ETag")).hasValue("\"2\"");
		assertThat(replay.location()).isEqualTo(first.location());
		assertThat(first.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/api/determinations/" + id));
		assertThat(otherVersion.status()).isEqualTo(422);
		assertThat(otherVersion.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(ledgerEntries(Determining.SIGNED, id)).isEqualTo(1);
	}

	@Test
	void aReplayedDraftMakesOneDraft() {
		String path = "/api/incidents/" + this.incident + "/determinations";
		String body = DeterminationsFixture.draftJson("NO_VIOLATION", "The shells were outgoing fire.");

		Http.Response first = monitor.postJson(path, body, "Idempotency-Key", "draft-1");
		Http.Response replay = monitor.postJson(path, body, "Idempotency-Key", "draft-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(replay.location()).isEqualTo(first.location());
		assertThat(monitor.get(path).json().get("items").size()).isEqualTo(1);
		Http.Response reused = monitor.postJson(path,
				DeterminationsFixture.draftJson("VIOLATION", "The shells were outgoing fire."), "Idempotency-Key",
				"draft-1");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void aStaleVersionIsAConflictAndAnEditClearsTheSignOffs() {
		String id = drafted().get("id").asString();
		assertThat(sign(us, id, 1).status()).isEqualTo(201);

		Http.Response stale = sign(ru, id, 1);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("STALE_VERSION");

		Http.Response staleEdit = monitor.putJson("/api/determinations/" + id,
				DeterminationsFixture.draftJson("VIOLATION", "Reworded."), "If-Match", "\"1\"");
		assertThat(staleEdit.status()).isEqualTo(409);
		assertThat(staleEdit.code()).isEqualTo("STALE_VERSION");
		Http.Response noVersion = monitor.putJson("/api/determinations/" + id,
				DeterminationsFixture.draftJson("VIOLATION", "Reworded."));
		assertThat(noVersion.status()).isEqualTo(428);
		assertThat(noVersion.code()).isEqualTo("VERSION_REQUIRED");

		Http.Response edited = monitor.putJson("/api/determinations/" + id,
				DeterminationsFixture.draftJson("VIOLATION", "Reworded."), "If-Match", "\"2\"");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().get("version").asInt()).isEqualTo(3);
		assertThat(edited.json().get("rationale").asString()).isEqualTo("Reworded.");
		assertThat(edited.json().get("sides").findValuesAsString("signedBy")).isEmpty();
		assertThat(ledgerEntries(Determining.EDITED, id)).isEqualTo(1);
		Http.Response editedAgain = monitor.putJson("/api/determinations/" + id,
				DeterminationsFixture.draftJson("VIOLATION", "Reworded again."), "If-Match", "\"3\"");
		assertThat(editedAgain.status()).as(editedAgain.toString()).isEqualTo(200);
		assertThat(ledgerEntries(Determining.EDITED, id)).isEqualTo(2);

		assertThat(sign(us, id, 4).status()).isEqualTo(201);
		assertThat(sign(ru, id, 5).json().get("status").asString()).isEqualTo("EFFECTIVE");
		Http.Response afterEffect = monitor.putJson("/api/determinations/" + id,
				DeterminationsFixture.draftJson("NO_VIOLATION", "Too late."), "If-Match", "\"6\"");
		assertThat(afterEffect.status()).isEqualTo(409);
		assertThat(afterEffect.code()).isEqualTo("DETERMINATION_EFFECTIVE");
	}

	@Test
	void dissentAndCommentsAreKeptAndListed() {
		String id = drafted().get("id").asString();

		Http.Response dissent = ru.postJson("/api/determinations/" + id + "/comments",
				"{\"text\": \"Russia does not sign: the fire came from the other side.\", \"dissent\": true}");
		Http.Response comment = monitor.postJson("/api/determinations/" + id + "/comments",
				"{\"text\": \"A second source is coming.\"}");
		Http.Response another = monitor.postJson("/api/determinations/" + id + "/comments",
				"{\"text\": \"And a third.\"}");
		assertThat(another.status()).as(another.toString()).isEqualTo(201);
		Http.Response monitorDissent = monitor.postJson("/api/determinations/" + id + "/comments",
				"{\"text\": \"I dissent.\", \"dissent\": true}");

		assertThat(dissent.status()).as(dissent.toString()).isEqualTo(201);
		assertThat(comment.status()).isEqualTo(201);
		assertThat(monitorDissent.status()).isEqualTo(403);
		assertThat(monitorDissent.code()).isEqualTo("SIDE_NOT_NAMED");
		JsonNode comments = monitor.get("/api/determinations/" + id).json().get("comments");
		assertThat(comments.size()).isEqualTo(3);
		assertThat(comments.get(0).get("dissent").asBoolean()).isTrue();
		assertThat(comments.get(0).get("side").asString()).isEqualTo("russia");
		assertThat(comments.get(0).get("text").asString()).contains("does not sign");
		assertThat(comments.get(1).get("dissent").asBoolean()).isFalse();
		assertThat(ledgerEntries(Determining.DISSENTED, id)).isEqualTo(1);
		assertThat(ledgerEntries(Determining.COMMENTED, id)).isEqualTo(2);
	}

	@Test
	void draftsAreForStaffAndEffectiveDeterminationsForThoseWhoMaySeeTheIncident() {
		String id = drafted().get("id").asString();
		Http.Response awaitingRussia = us.get("/api/determinations?status=draft&awaiting=russia");
		assertThat(awaitingRussia.json().get("items").findValuesAsString("id")).contains(id);

		assertThat(liaison.get("/api/determinations/" + id).status()).isEqualTo(404);
		assertThat(truce.http().get("/api/determinations/" + id).status()).isEqualTo(404);
		assertThat(liaison.get("/api/incidents/" + this.incident + "/determinations").json().get("items").size())
			.isZero();

		sign(us, id, 1);
		sign(ru, id, 2);
		assertThat(us.get("/api/determinations?awaiting=russia").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(liaison.get("/api/determinations/" + id).status()).as("the report concerns the liaison's side")
			.isEqualTo(200);
		assertThat(truce.http().get("/api/determinations/" + id).status()).as("the report is not published")
			.isEqualTo(404);
		assertThat(truce.http().get("/api/determinations").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);
	}

	@Test
	void badInputIsRefusedWithItsField() {
		Http.Response unknownTerm = monitor.postJson("/api/incidents/" + this.incident + "/determinations",
				"{\"agreement\": \"aleppo-pause-2016-10\", \"term\": \"no-such-term\", \"actor\": \"nobody\","
						+ " \"verdict\": \"VIOLATION\", \"rationale\": \" \"}");
		assertThat(unknownTerm.status()).isEqualTo(422);
		assertThat(unknownTerm.json().toString()).contains("UNKNOWN_TERM", "UNKNOWN_ACTOR", "rationale");

		Http.Response noIncident = monitor.postJson("/api/incidents/" + UUID.randomUUID() + "/determinations",
				DeterminationsFixture.draftJson("VIOLATION", "x"));
		assertThat(noIncident.status()).isEqualTo(404);
		assertThat(monitor.get("/api/determinations/not-a-uuid").status()).isEqualTo(404);
		assertThat(monitor.get("/api/determinations?status=maybe").status()).isEqualTo(400);
	}

}
