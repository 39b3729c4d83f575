package org.truce.humanitarian.web;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UN convoy for eastern Aleppo of September 2016 never got through, and no one party
 * is on record as having stopped it: its outcome is NOT_DELIVERED, with the reason, and
 * nobody is charged with an aid obstruction.
 */
class AConvoyThatDidNotGetThroughChargesNobodyTest {

	static RunningTruce truce;

	static Http notifier;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		AConvoyToAleppoBlockedByOnePartyTest.registerParties(truce);
		notifier = truce.http("notifier");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aConvoyNotDeliveredKeepsTheReasonAndRaisesNoObstructionReport() {
		String id = notifier.postJson("/api/access-requests", AConvoyToAleppoBlockedByOnePartyTest.CONVOY)
			.json()
			.get("id")
			.asString();
		Http.Response recorded = notifier.postJson("/api/access-requests/" + id + "/outcome", """
				{"outcome": "NOT_DELIVERED", "at": "2016-09-16T18:00:00+03:00",
				 "reason": "Held at the border without permissions and guarantees."}""");

		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		JsonNode request = notifier.get("/api/access-requests/" + id).json();
		assertThat(request.get("state").asString()).isEqualTo("NOT_DELIVERED");
		assertThat(request.get("outcome").get("reason").asString()).startsWith("Held at the border");
		assertThat(request.hasNonNull("obstructionReport")).isFalse();
		assertThat(request.get("outcome").hasNonNull("blockedBy")).isFalse();
		assertThat(truce.jdbc()
			.sql("SELECT count(*) FROM reports WHERE external_id = ?")
			.param("access-request:" + id)
			.query(Long.class)
			.single()).as("no aid-obstruction report").isZero();
	}

	@Test
	void aConvoyNotDeliveredNeedsAReasonAndNamesNoBlocker() {
		String id = notifier.postJson("/api/access-requests", AConvoyToAleppoBlockedByOnePartyTest.CONVOY)
			.json()
			.get("id")
			.asString();
		Http.Response noReason = notifier.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"NOT_DELIVERED\"}");
		assertThat(noReason.status()).as(noReason.toString()).isEqualTo(422);
		assertThat(noReason.field()).isEqualTo("reason");

		Http.Response blocker = notifier.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"NOT_DELIVERED\", \"blockedBy\": \"syria-government\", \"reason\": \"stopped\"}");
		assertThat(blocker.status()).as(blocker.toString()).isEqualTo(422);
		assertThat(blocker.field()).isEqualTo("blockedBy");
	}

}
