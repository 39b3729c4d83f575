package org.truce.bulletin.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.bulletin.application.SigningBulletins;
import org.truce.determination.web.DeterminationsFixture;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.StandardBase64;
import org.truce.shared.Sha256;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulletin signed jointly, over real HTTP: a monitor drafts the public cut of the
 * Aleppo pause's bulletin, the US co-chair signs (still a draft, not public), the Russian
 * co-chair dissents and signs (published, with its annex, signatures and ledger proofs);
 * a newer draft makes the older stale, and a signature or dissent on it is refused (409)
 * with nothing recorded lost; and what the public reads does not change with a fact it
 * may not see.
 */
class SigningABulletinOverHttpTest {

	private static final String AGREEMENT = DeterminationsFixture.AGREEMENT;

	private static RunningTruce truce;

	private static Http monitor;

	private static Http us;

	private static Http ru;

	private static Http turkey;

	private static Http anyone;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		DeterminationsFixture.aleppoPause(truce);
		monitor = truce.http("monitor");
		us = truce.http("co-chair:united-states");
		ru = truce.http("co-chair:russia");
		turkey = truce.http("co-chair:turkey");
		anyone = new Http(truce.baseUri());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static JsonNode drafted(String from, String to) {
		Http.Response drafted = monitor.postJson("/api/bulletins/drafts",
				"{\"agreement\": \"%s\", \"from\": \"%s\", \"to\": \"%s\"}".formatted(AGREEMENT, from, to));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json();
	}

	private static Http.Response sign(Http who, String id, String read) {
		return who.postJson("/api/bulletins/drafts/" + id + "/sign", "{}", "If-Match", "\"" + read + "\"");
	}

	private static Http.Response dissent(Http who, String id, String read, String text) {
		return who.postJson("/api/bulletins/drafts/" + id + "/dissent", "{\"text\": \"" + text + "\"}", "If-Match",
				"\"" + read + "\"");
	}

	private static List<JsonNode> entries(String kind, String subject) {
		List<JsonNode> found = new ArrayList<>();
		for (String entry : truce.jdbc()
			.sql("SELECT entry FROM ledger_entries WHERE kind = ? AND subject = ? ORDER BY idx")
			.params(kind, subject)
			.query(String.class)
			.list()) {
			found.add(tools.jackson.databind.json.JsonMapper.builder().build().readTree(entry));
		}
		return found;
	}

	@Test
	void itIsPublishedOnlyOnceBothNamedSidesHaveSignedWithItsDissentSignaturesAndProofs() {
		JsonNode draft = drafted("2016-10-20", "2016-10-20");
		String id = draft.get("id").asString();
		String digest = draft.get("digest").asString();
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("sides").findValuesAsString("side")).containsExactly("united-states", "russia");
		assertThat(draft.get("quorum").asInt()).isEqualTo(2);

		// The digest is the SHA-256 of bulletin.json, byte for byte, and the ledger holds
		// the digest, the agreement and the period: nothing of the bulletin itself.
		Http.Response json = monitor.get("/api/bulletins/" + id + "/bulletin.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(Sha256.hex(json.body().getBytes(StandardCharsets.UTF_8))).isEqualTo(digest);
		List<JsonNode> draftedEntries = entries(SigningBulletins.DRAFTED, id);
		assertThat(draftedEntries).hasSize(1);
		JsonNode b = draftedEntries.get(0).get("body");
		assertThat(b.get("digest").asString()).isEqualTo(digest);
		assertThat(b.get("agreement").asString()).isEqualTo(AGREEMENT);
		assertThat(b.get("from").asString()).isEqualTo("2016-10-20");
		assertThat(b.get("to").asString()).isEqualTo("2016-10-20");
		assertThat(Set.copyOf(b.propertyNames())).isSubsetOf("draft", "agreement", "from", "to", "version", "digest",
				"sides", "quorum", "by", "at", "supersedes");

		// A draft is not public: to anyone else it is not found, as an id that is no
		// one's.
		assertThat(anyone.get("/api/bulletins/" + id).status()).isEqualTo(404);
		assertThat(anyone.get("/api/bulletins/" + id + "/bulletin.json").status()).isEqualTo(404);
		assertThat(anyone.get("/bulletins/" + id).status()).isEqualTo(404);

		Http.Response bySomeoneElse = sign(turkey, id, digest);
		assertThat(bySomeoneElse.status()).isEqualTo(403);
		assertThat(bySomeoneElse.code()).isEqualTo("SIDE_NOT_NAMED");
		Http.Response unnamed = us.postJson("/api/bulletins/drafts/" + id + "/sign", "{}");
		assertThat(unnamed.status()).isEqualTo(428);
		assertThat(unnamed.code()).isEqualTo("VERSION_REQUIRED");

		Http.Response byUs = sign(us, id, digest);
		assertThat(byUs.status()).as(byUs.toString()).isEqualTo(201);
		assertThat(byUs.json().get("state").asString()).isEqualTo("DRAFT");
		Http.Response again = sign(us, id, digest);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_SIGNED");

		// One side's signature does not reach the quorum: still not public.
		assertThat(anyone.get("/api/bulletins/" + id).status()).isEqualTo(404);
		assertThat(anyone.get("/api/bulletins/published").json().get("items").findValuesAsString("id"))
			.doesNotContain(id);

		Http.Response annex = dissent(ru, id, digest, "The period leaves out the shelling of 20 October.");
		assertThat(annex.status()).as(annex.toString()).isEqualTo(201);
		assertThat(entries(SigningBulletins.DISSENTED, annex.json().get("id").asString())).hasSize(1);

		Http.Response byRussia = ru.postJson("/api/bulletins/drafts/" + id + "/sign", "{\"version\": \"1\"}");
		assertThat(byRussia.status()).as(byRussia.toString()).isEqualTo(201);
		assertThat(byRussia.json().get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(entries(SigningBulletins.SIGNED, id)).hasSize(2);
		List<JsonNode> published = entries(SigningBulletins.PUBLISHED, id);
		assertThat(published).hasSize(1);
		assertThat(published.get(0).toString()).contains(digest);

		truce.bean(Checkpointing.class).checkpoint();
		Http.Response read = anyone.get("/api/bulletins/" + id);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		JsonNode shown = read.json();
		assertThat(read.headers().firstValue("ETag")).hasValue("\"" + digest + "\"");
		assertThat(shown.get("state").asString()).isEqualTo("PUBLISHED");
		assertThat(shown.get("sides").findValuesAsString("signedBy")).hasSize(2).doesNotContainNull();
		assertThat(shown.get("dissents").findValuesAsString("text"))
			.containsExactly("The period leaves out the shelling of 20 October.");
		assertThat(shown.get("bulletin").toString()).isNotEmpty();
		assertThat(Sha256
			.hex(anyone.get("/api/bulletins/" + id + "/bulletin.json").body().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(digest);
		JsonNode proofs = shown.get("proofs");
		assertThat(proofs.get("checkpoint").asString()).isNotBlank();
		assertThat(proofs.get("entries").findValuesAsString("kind")).containsExactly(SigningBulletins.DRAFTED,
				SigningBulletins.PUBLISHED);
		for (JsonNode e : proofs.get("entries")) {
			List<byte[]> path = new ArrayList<>();
			e.get("proof").forEach(p -> path.add(StandardBase64.decode(p.asString())));
			assertThat(ProofVerifier
				.verifyInclusion(e.get("index").asLong(), e.get("size").asLong(),
						StandardBase64.decode(e.get("leafHash").asString()), path,
						StandardBase64.decode(e.get("root").asString()))
				.valid()).as(e.toString()).isTrue();
		}
		assertThat(anyone.get("/api/bulletins/published").json().get("items").findValuesAsString("id")).contains(id);

		Http.Response list = anyone.get("/bulletins");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("/bulletins/" + id);
		Http.Response page = anyone.get("/bulletins/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(digest)
			.contains("The period leaves out the shelling of 20 October.")
			.contains("bulletin-published")
			.contains("data-signed=\"true\"")
			.doesNotContain("data-signed=\"false\"")
			.doesNotContain("sign-form-");
	}

	@Test
	void aSignatureOrDissentOnAStaleDraftIsRefusedAndNothingRecordedIsLost() {
		JsonNode older = drafted("2016-10-21", "2016-10-21");
		String oldId = older.get("id").asString();
		String oldDigest = older.get("digest").asString();
		assertThat(sign(us, oldId, oldDigest).status()).isEqualTo(201);

		JsonNode newer = drafted("2016-10-21", "2016-10-21");
		String newId = newer.get("id").asString();
		assertThat(newer.get("version").asInt()).isEqualTo(2);
		assertThat(entries(SigningBulletins.DRAFTED, newId).get(0).toString()).contains(oldId);

		Http.Response late = sign(ru, oldId, oldDigest);
		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.isProblem()).isTrue();
		assertThat(late.code()).isEqualTo("BULLETIN_DRAFT_STALE");
		Http.Response lateDissent = dissent(ru, oldId, oldDigest, "Too late.");
		assertThat(lateDissent.status()).isEqualTo(409);
		assertThat(lateDissent.code()).isEqualTo("BULLETIN_DRAFT_STALE");

		// The signature given before is kept, and the refusals recorded nothing.
		JsonNode old = monitor.get("/api/bulletins/" + oldId).json();
		assertThat(old.get("state").asString()).isEqualTo("STALE");
		assertThat(old.get("sides").findValues("signed")).extracting(JsonNode::asBoolean).containsExactly(true, false);
		assertThat(old.get("dissents")).isEmpty();
		assertThat(entries(SigningBulletins.SIGNED, oldId)).hasSize(1);
		assertThat(anyone.get("/api/bulletins/" + oldId).status()).isEqualTo(404);

		// The newer draft is signed against its digest or its version, not another.
		Http.Response wrongDigest = sign(us, newId, "ab".repeat(32));
		assertThat(wrongDigest.status()).isEqualTo(409);
		assertThat(wrongDigest.code()).isEqualTo("BULLETIN_DRAFT_STALE");
		Http.Response wrongVersion = sign(us, newId, "1");
		assertThat(wrongVersion.status()).isEqualTo(409);
		assertThat(sign(us, newId, "2").status()).isEqualTo(201);
		assertThat(sign(ru, newId, newer.get("digest").asString()).json().get("state").asString())
			.isEqualTo("PUBLISHED");
	}

	/**
	 * A published bulletin is final: its period is not drafted again (409, naming the
	 * published bulletin), so that a period never has two published bulletins; the
	 * refusal drafts nothing and records nothing.
	 */
	@Test
	void aPublishedPeriodIsNotDraftedAgainAndKeepsItsOnePublishedBulletin() {
		JsonNode first = drafted("2016-10-22", "2016-10-22");
		String id = first.get("id").asString();
		assertThat(sign(us, id, first.get("digest").asString()).status()).isEqualTo(201);
		assertThat(sign(ru, id, first.get("digest").asString()).json().get("state").asString()).isEqualTo("PUBLISHED");
		long drafts = truce.jdbc().sql("SELECT count(*) FROM bulletin_drafts").query(Long.class).single();
		long entries = truce.jdbc().sql("SELECT count(*) FROM ledger_entries").query(Long.class).single();

		Http.Response again = monitor.postJson("/api/bulletins/drafts",
				"{\"agreement\": \"%s\", \"from\": \"2016-10-22\", \"to\": \"2016-10-22\"}".formatted(AGREEMENT));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.code()).isEqualTo("BULLETIN_PERIOD_PUBLISHED");
		assertThat(again.json().toString()).contains("/bulletins/" + id);
		assertThat(truce.jdbc().sql("SELECT count(*) FROM bulletin_drafts").query(Long.class).single())
			.isEqualTo(drafts);
		assertThat(truce.jdbc().sql("SELECT count(*) FROM ledger_entries").query(Long.class).single())
			.isEqualTo(entries);

		// Another period of the same agreement is drafted as before.
		assertThat(drafted("2016-10-21", "2016-10-22").get("version").asInt()).isEqualTo(1);
		List<String> published = new ArrayList<>();
		anyone.get("/api/bulletins/published").json().get("items").forEach(b -> {
			if (b.get("from").asString().equals("2016-10-22") && b.get("to").asString().equals("2016-10-22")) {
				published.add(b.get("id").asString());
			}
		});
		assertThat(published).containsExactly(id);
		assertThat(anyone.get("/bulletins").body()).contains("/bulletins/" + id);
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsRefusedAndDraftsNothing() {
		long before = truce.jdbc().sql("SELECT count(*) FROM bulletin_drafts").query(Long.class).single();
		Http.Response refused = monitor.postJson("/api/bulletins/drafts",
				"{\"agreement\": \"%s\", \"from\": \"2016-10-22\", \"to\": \"2016-10-20\"}".formatted(AGREEMENT));
		assertThat(refused.status()).isBetween(400, 499);
		assertThat(refused.isProblem()).isTrue();
		Http.Response byLiaison = truce.http("liaison:syria-government")
			.postJson("/api/bulletins/drafts",
					"{\"agreement\": \"%s\", \"from\": \"2016-10-20\", \"to\": \"2016-10-22\"}".formatted(AGREEMENT));
		assertThat(byLiaison.status()).isEqualTo(403);
		assertThat(truce.jdbc().sql("SELECT count(*) FROM bulletin_drafts").query(Long.class).single())
			.isEqualTo(before);
	}

	/**
	 * Principle 5: the public cut is what is signed and published, so a fact the public
	 * may not see (a report nobody has published) changes the staff's bulletin and not
	 * the draft's digest.
	 */
	@Test
	void theDraftIsThePublicCutAndDoesNotChangeWithAFactThePublicMayNotSee() {
		String period = "agreement=" + AGREEMENT + "&from=2016-10-20&to=2016-10-22";
		String staffBefore = monitor.get("/api/bulletins?" + period).body();
		String digestBefore = drafted("2016-10-20", "2016-10-22").get("digest").asString();

		DeterminationsFixture.shellingIncident(truce);

		String staffAfter = monitor.get("/api/bulletins?" + period).body();
		assertThat(staffAfter).as("the staff's bulletin counts the hidden shelling").isNotEqualTo(staffBefore);
		JsonNode again = drafted("2016-10-20", "2016-10-22");
		assertThat(again.get("digest").asString()).isEqualTo(digestBefore);
		assertThat(anyone.get("/api/bulletins?" + period).status()).isEqualTo(200);
	}

}
