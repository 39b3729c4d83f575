package org.truce.deconfliction.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.StandardBase64;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The convoy to Urum al-Kubra is notified to the Syrian government and to Russia. The
 * Syrian liaison acknowledges it; the Russian liaison does not. Over HTTP, the record
 * shows exactly who knew what and when, and answers "was it notified to each party before
 * the strike?" with a ledger proof a party can check offline.
 */
class TwoLiaisonsOneAcknowledgesTest {

	/** The convoy's route into Urum al-Kubra (gazetteer: 36.1481 N, 36.94775 E). */
	private static final String CONVOY = """
			{"kind": "MOVEMENT", "name": "UN/SARC convoy to Urum al-Kubra", "movementKind": "CONVOY",
			 "geometry": {"type": "LineString", "coordinates": [[37.1611, 36.2021], [36.99, 36.16], [36.94775, 36.1481]]},
			 "from": "2016-09-19T06:00:00+03:00", "to": "2100-01-01T00:00:00Z",
			 "vehicles": [{"type": "truck", "registration": "SARC-17", "markings": "UN flag"}],
			 "markings": "UN and SARC emblems", "parties": ["syria-government", "russia"]}""";

	private static RunningTruce truce;

	private static Http notifier;

	private static Http syria;

	private static Http russia;

	private static Http opposition;

	private static Http monitor;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.FREE_SYRIAN_ARMY, Parties.RUSSIA);
		notifier = truce.http("notifier");
		syria = truce.http("liaison:syria-government");
		russia = truce.http("liaison:russia");
		opposition = truce.http("liaison:free-syrian-army");
		monitor = truce.http("monitor");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static String userId(Http who) {
		return who.get("/api/me").json().get("userId").asString();
	}

	@Test
	void theRecordShowsWhoAcknowledgedWhenAndWhoNeverDid() throws Exception {
		Http.Response sent = notifier.postJson("/api/notifications", CONVOY);
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		String id = sent.json().get("id").asString();
		String notifiedAt = sent.json().get("notifiedAt").asString();

		Http.Response acked = syria.postJson("/api/notifications/" + id + "/acknowledgments", "{}");
		assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
		String ackedAt = acked.json().get("acknowledgments").get(0).get("at").asString();
		Http.Response again = syria.postJson("/api/notifications/" + id + "/acknowledgments", "{}");
		assertThat(again.json().get("acknowledgments").get(0).get("at").asString()).as("the first is kept")
			.isEqualTo(ackedAt);

		JsonNode record = monitor.get("/api/notifications/" + id).json();
		assertThat(record.get("status").asString()).isEqualTo("SENT");
		assertThat(record.get("acknowledgments")).hasSize(1);
		JsonNode ack = record.get("acknowledgments").get(0);
		assertThat(ack.get("party").asString()).isEqualTo("syria-government");
		assertThat(ack.get("by").asString()).isEqualTo(userId(syria));
		assertThat(ack.get("at").asString()).isEqualTo(ackedAt);
		assertThat(record.get("awaiting")).extracting(JsonNode::asString).containsExactly("russia");
		assertThat(record.get("transitions")).hasSize(1);

		// Russia's liaison sees the notification, awaiting its own acknowledgment; it
		// cannot acknowledge for Syria; a party not concerned does not see it at all.
		assertThat(russia.get("/api/notifications/" + id).json().get("awaiting")).extracting(JsonNode::asString)
			.containsExactly("russia");
		Http.Response forSyria = russia.postJson("/api/notifications/" + id + "/acknowledgments",
				"{\"party\": \"syria-government\"}");
		assertThat(forSyria.status()).isEqualTo(403);
		assertThat(forSyria.field()).isEqualTo("party");
		assertThat(opposition.get("/api/notifications/" + id).status()).isEqualTo(404);
		assertThat(opposition.postJson("/api/notifications/" + id + "/acknowledgments", "{}").status()).isEqualTo(404);
		assertThat(truce.http().get("/api/notifications/" + id).status()).isEqualTo(401);

		truce.bean(Checkpointing.class).checkpoint();
		String strike = "2099-12-31T23:00:00Z";
		JsonNode toSyria = monitor.get("/api/notifications/" + id + "/notified?party=syria-government&before=" + strike)
			.json();
		assertThat(toSyria.get("notified").asBoolean()).isTrue();
		assertThat(toSyria.get("notifiedAt").asString()).isEqualTo(notifiedAt);
		assertThat(toSyria.get("acknowledgedAt").asString()).isEqualTo(ackedAt);
		assertThat(toSyria.get("acknowledgedBeforeStrike").asBoolean()).isTrue();
		assertOfflineProof(toSyria.get("ledger"), "notification-sent");
		assertOfflineProof(toSyria.get("acknowledgmentLedger"), "notification-acknowledged");
		JsonNode entry = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(toSyria.get("ledger").get("entry").asString())
			.get("body");
		assertThat(entry.get("parties")).extracting(JsonNode::asString).containsExactly("russia", "syria-government");
		assertThat(entry.get("contentCommitment").asString())
			.isEqualTo(record.get("content").get("commitment").asString())
			.isEqualTo(sha256(record.get("content").get("salt").asString() + "."
					+ record.get("content").get("value").asString()));
		assertThat(entry.toString()).as("the public ledger holds no route").doesNotContain("36.94775");

		JsonNode toRussia = russia.get("/api/notifications/" + id + "/notified?party=russia&before=" + strike).json();
		assertThat(toRussia.get("notified").asBoolean()).isTrue();
		assertThat(toRussia.hasNonNull("acknowledgedAt")).isFalse();
		assertThat(toRussia.get("acknowledgedBeforeStrike").asBoolean()).isFalse();
		assertThat(toRussia.hasNonNull("acknowledgmentLedger")).isFalse();
		assertOfflineProof(toRussia.get("ledger"), "notification-sent");

		JsonNode beforeItWasSent = monitor
			.get("/api/notifications/" + id + "/notified?party=syria-government&before=2016-09-19T10:00:00Z")
			.json();
		assertThat(beforeItWasSent.get("notified").asBoolean()).isFalse();
		assertThat(beforeItWasSent.get("acknowledgedBeforeStrike").asBoolean()).isFalse();

		// The map: each reader's own layer; the public and a party not concerned get
		// none.
		assertThat(russia.get("/api/map/notifications").json().get("features")).hasSize(1);
		assertThat(opposition.get("/api/map/notifications").json().get("features")).isEmpty();
		assertThat(truce.http().get("/api/map/notifications").json().get("features")).isEmpty();
	}

	@Test
	void aWithdrawnNotificationCannotBeAcknowledgedAndSaysWhenItWasWithdrawn() {
		String id = notifier.postJson("/api/notifications", CONVOY).json().get("id").asString();

		assertThat(monitor.postJson("/api/notifications/" + id + "/withdrawal", "{}").status()).isEqualTo(403);
		Http.Response withdrawn = notifier.postJson("/api/notifications/" + id + "/withdrawal", "{}");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.json().get("transitions")).extracting(t -> t.get("status").asString())
			.containsExactly("SENT", "WITHDRAWN");

		Http.Response late = syria.postJson("/api/notifications/" + id + "/acknowledgments", "{}");
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("NOTIFICATION_WITHDRAWN");
	}

	private static void assertOfflineProof(JsonNode proof, String kind) throws Exception {
		assertThat(proof.get("kind").asString()).isEqualTo(kind);
		assertThat(proof.get("checkpointed").asBoolean()).isTrue();
		byte[] leaf = StandardBase64.decode(proof.get("leafHash").asString());
		assertThat(leaf)
			.isEqualTo(MerkleHashes.leafHash(proof.get("entry").asString().getBytes(StandardCharsets.UTF_8)));
		List<byte[]> path = new ArrayList<>();
		proof.get("proof").forEach(h -> path.add(StandardBase64.decode(h.asString())));
		ProofVerdict verdict = ProofVerifier.verifyInclusion(proof.get("index").asLong(), proof.get("size").asLong(),
				leaf, path, StandardBase64.decode(proof.get("root").asString()));
		assertThat(verdict).isInstanceOf(ProofVerdict.Valid.class);
		assertThat(proof.get("checkpoint").asString()).contains(proof.get("root").asString());
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
