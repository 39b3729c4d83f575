package org.truce.scenario.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.StandardBase64;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.TheDemo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance test 7(a) of issue 14, over HTTP on the demo scenario (syria-2016, loaded as
 * {@code truce demo} loads it): "Was the convoy notified to the Syrian government before
 * the strike?" The strike is UCDP GED event 301214 (Urum al-Kubra, 19 September 2016).
 * The answer is yes, at the time the scenario's humanitarian.yaml asserts (a
 * reconstruction, cited there), with who asserts it, the document, when Truce recorded
 * it, and the inclusion proof of the notification's ledger entry, checked here as a party
 * would check it offline. The convoy is notified as a movement and as the SARC warehouse
 * it was parked at; both answer alike.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class WasTheConvoyNotifiedBeforeTheStrikeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningTruce truce;

	private static Http monitor;

	@BeforeAll
	static void theDemo(TheDemo demo) {
		truce = demo.truce();
		truce.bean(Checkpointing.class).checkpoint();
		monitor = truce.http("monitor");
	}

	@Test
	void yesTheConvoyWasNotifiedToTheSyrianGovernmentBeforeTheStrikeWithProvenanceAndLedgerProof() throws Exception {
		String strike = ucdpEvent("301214");

		for (String name : List.of("UN/SARC convoy to Urum al-Kubra",
				"SARC warehouse near Urum al-Kubra (the convoy's destination)")) {
			String id = notification(name);
			Http.Response asked = monitor
				.get("/api/notifications/" + id + "/notified?party=syria-government&before=" + strike);
			assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
			JsonNode answer = asked.json();

			assertThat(answer.get("notified").asBoolean()).as(name).isTrue();
			assertThat(answer.get("withdrawnBeforeStrike").asBoolean()).isFalse();
			assertThat(answer.get("notifiedAt").asString()).as("asserted: 23:59 Damascus time the day before")
				.isEqualTo("2016-09-18T20:59:00Z");
			assertThat(answer.get("strikeAt").asString()).startsWith("2016-09-1");
			JsonNode asserted = answer.get("notifiedAsserted");
			assertThat(asserted.get("by").asString()).startsWith("OCHA");
			assertThat(asserted.get("document").asString()).contains("19 September 2016")
				.contains("all parties")
				.contains("reconstruction");
			assertThat(asserted.get("url").asString()).isEqualTo("https://m.reliefweb.int/report/1700831");
			assertThat(answer.get("notificationRecordedAt").asString()).as("recorded when the demo loaded")
				.startsWith("20")
				.isNotEqualTo(answer.get("notifiedAt").asString());
			assertThat(answer.get("answer").asString()).startsWith("Yes.")
				.contains("syria-government")
				.contains("OCHA");
			assertThat(answer.hasNonNull("acknowledgedAt")).as("no source supports an acknowledgment").isFalse();

			JsonNode proof = answer.get("ledger");
			assertOfflineProof(proof);
			JsonNode body = JSON.readTree(proof.get("entry").asString()).get("body");
			assertThat(body.get("parties")).extracting(JsonNode::asString).contains("syria-government");
			assertThat(body.get("asserted").get("at").asString()).isEqualTo("2016-09-18T20:59:00Z");
			assertThat(body.get("asserted").get("by").asString()).startsWith("OCHA");
			assertThat(body.get("notifiedAt").asString()).as("the entry keeps the recorded time apart")
				.isEqualTo(answer.get("notificationRecordedAt").asString());
		}
	}

	@Test
	void theConvoysStatusHistoryRunsIn2016() {
		JsonNode convoy = monitor.get("/api/notifications/" + notification("UN/SARC convoy to Urum al-Kubra")).json();

		assertThat(convoy.get("transitions")).extracting(t -> t.get("status").asString())
			.containsExactly("SENT", "EXPIRED");
		assertThat(convoy.get("transitions")).extracting(t -> t.get("at").asString())
			.containsExactly("2016-09-18T20:59:00Z", "2016-09-19T20:59:00Z");
	}

	/** The id of the report of a UCDP event, found over HTTP near Urum al-Kubra. */
	private static String ucdpEvent(String externalId) {
		JsonNode items = monitor
			.get("/api/reports?lat=36.1481&lon=36.94775&radius=3000&from=2016-09-18&to=2016-09-20&limit=100")
			.json()
			.get("items");
		for (JsonNode r : items) {
			if (externalId.equals(r.path("externalId").asString())) {
				return r.get("id").asString();
			}
		}
		throw new AssertionError("no report of UCDP event " + externalId + " in " + items);
	}

	private static String notification(String name) {
		for (JsonNode n : monitor.get("/api/notifications").json().get("items")) {
			if (name.equals(n.get("name").asString())) {
				return n.get("id").asString();
			}
		}
		throw new AssertionError("no notification named " + name);
	}

	private static void assertOfflineProof(JsonNode proof) {
		assertThat(proof.get("kind").asString()).isEqualTo("notification-sent");
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

}
