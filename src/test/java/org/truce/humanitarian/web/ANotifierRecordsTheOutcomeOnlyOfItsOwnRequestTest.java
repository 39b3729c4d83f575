package org.truce.humanitarian.web;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two humanitarian organisations notify convoys. Only the notifier who requested access
 * (or a monitor) records its outcome: another notifier is answered exactly as for a
 * request that does not exist, and nothing is recorded.
 */
class ANotifierRecordsTheOutcomeOnlyOfItsOwnRequestTest {

	private static final String DELIVERED = """
			{"outcome": "DELIVERED", "at": "2016-09-16T18:00:00+03:00"}""";

	static RunningTruce truce;

	static Http requester;

	static Http otherNotifier;

	static Http monitor;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		AConvoyToAleppoBlockedByOnePartyTest.registerParties(truce);
		requester = truce.http("notifier");
		otherNotifier = truce.http("notifier");
		monitor = truce.http("monitor");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static String request() {
		return requester.postJson("/api/access-requests", AConvoyToAleppoBlockedByOnePartyTest.CONVOY)
			.json()
			.get("id")
			.asString();
	}

	@Test
	void anotherNotifierIsAnsweredAsForAnUnknownRequestAndRecordsNothing() {
		String id = request();
		String unknown = "01234567-89ab-4def-8123-456789abcdef";

		Http.Response refused = otherNotifier.postJson("/api/access-requests/" + id + "/outcome", DELIVERED);
		Http.Response absent = otherNotifier.postJson("/api/access-requests/" + unknown + "/outcome", DELIVERED);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(absent.status()).isEqualTo(404);
		assertThat(normalised(refused.json(), id)).isEqualTo(normalised(absent.json(), unknown));
		JsonNode stored = requester.get("/api/access-requests/" + id).json();
		assertThat(stored.hasNonNull("outcome")).as("no outcome recorded: %s", stored).isFalse();
	}

	@Test
	void theRequestingNotifierRecordsItsOutcome() {
		String id = request();

		Http.Response recorded = requester.postJson("/api/access-requests/" + id + "/outcome", DELIVERED);

		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
	}

	@Test
	void aMonitorRecordsTheOutcomeOfAnyRequest() {
		String id = request();

		Http.Response recorded = monitor.postJson("/api/access-requests/" + id + "/outcome", DELIVERED);

		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
	}

	private static String normalised(JsonNode problem, String id) {
		return problem.toString().replace(id, "{id}");
	}

}
