package org.truce.deconfliction.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.humanitarian.web.AConvoyToAleppoBlockedByOnePartyTest;
import org.truce.ledger.application.Ledger;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notifier on a poor connection posts a notification of a hospital, and a convoy's
 * access request, and never sees the answers: it posts them again under the same
 * Idempotency-Key, and gets the first answers back without a second notification or
 * request being stored. A key reused for something else is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ANotifierRetriesAfterALostResponseTest {

	private static final String HOSPITAL = """
			{"kind": "SITE", "name": "Al-Quds hospital", "siteKind": "HOSPITAL",
			 "geometry": {"type": "Point", "coordinates": [37.1523, 36.2035]},
			 "parties": ["syria-government", "fsa"]}""";

	private RunningTruce truce;

	private Http notifier;

	private Ledger ledger;

	@BeforeAll
	void start() {
		this.truce = RunningTruce.sqlite(true);
		AConvoyToAleppoBlockedByOnePartyTest.registerParties(this.truce);
		this.notifier = this.truce.http("notifier");
		this.ledger = this.truce.bean(Ledger.class);
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	@Test
	void aReplayedNotificationGetsTheFirstAnswerAndStoresNothing() {
		Http.Response first = this.notifier.postJson("/api/notifications", HOSPITAL, "Idempotency-Key", "hospital-1");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		int listed = notifications();
		long entries = this.ledger.size();

		Http.Response replay = this.notifier.postJson("/api/notifications", HOSPITAL, "Idempotency-Key", "hospital-1");
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.json()).isEqualTo(first.json());
		assertThat(replay.location()).isEqualTo(first.location())
			.hasValue("/api/notifications/" + first.json().get("id").asString());
		assertThat(notifications()).isEqualTo(listed);
		assertThat(this.ledger.size()).as("no second notification-sent entry").isEqualTo(entries);

		Http.Response reused = this.notifier.postJson("/api/notifications",
				HOSPITAL.replace("Al-Quds hospital", "Al-Bayan hospital"), "Idempotency-Key", "hospital-1");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(reused.field()).isEqualTo("Idempotency-Key");
		assertThat(notifications()).isEqualTo(listed);

		Http.Response another = this.notifier.postJson("/api/notifications", HOSPITAL, "Idempotency-Key", "hospital-2");
		assertThat(another.status()).isEqualTo(201);
		assertThat(another.json().get("id")).isNotEqualTo(first.json().get("id"));
		assertThat(this.notifier.postJson("/api/notifications", HOSPITAL).status()).as("no key: no guard")
			.isEqualTo(201);
		assertThat(notifications()).isEqualTo(listed + 2);
	}

	@Test
	void aRefusedNotificationKeepsNothingSoItsKeyServesTheCorrectedOne() {
		String noParties = HOSPITAL.replace("\"parties\": [\"syria-government\", \"fsa\"]", "\"parties\": []");
		Http.Response refused = this.notifier.postJson("/api/notifications", noParties, "Idempotency-Key",
				"corrected-1");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.field()).isEqualTo("parties");

		Http.Response corrected = this.notifier.postJson("/api/notifications", HOSPITAL, "Idempotency-Key",
				"corrected-1");
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
		assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void keysAreOneToTwoHundredCharacters() {
		Http.Response blank = this.notifier.postJson("/api/notifications", HOSPITAL, "Idempotency-Key", " ");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.field()).isEqualTo("Idempotency-Key");
		Http.Response tooLong = this.notifier.postJson("/api/access-requests",
				AConvoyToAleppoBlockedByOnePartyTest.CONVOY, "Idempotency-Key", "k".repeat(201));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.field()).isEqualTo("Idempotency-Key");
	}

	@Test
	void aReplayedAccessRequestGetsTheFirstAnswerAndStoresNothing() {
		String convoy = AConvoyToAleppoBlockedByOnePartyTest.CONVOY;
		Http.Response first = this.notifier.postJson("/api/access-requests", convoy, "Idempotency-Key", "convoy-1");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");
		int listed = accessRequests();
		long entries = this.ledger.size();

		Http.Response replay = this.notifier.postJson("/api/access-requests", convoy, "Idempotency-Key", "convoy-1");
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.headers().firstValue("ETag")).hasValue("\"1\"");
		assertThat(replay.json()).isEqualTo(first.json());
		assertThat(replay.location()).isEqualTo(first.location())
			.hasValue("/api/access-requests/" + first.json().get("id").asString());
		assertThat(accessRequests()).isEqualTo(listed);
		assertThat(this.ledger.size()).as("no second access-requested entry").isEqualTo(entries);

		Http.Response reused = this.notifier.postJson("/api/access-requests",
				convoy.replace("\"peopleInNeed\": 275000", "\"peopleInNeed\": 300000"), "Idempotency-Key", "convoy-1");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(reused.field()).isEqualTo("Idempotency-Key");
		assertThat(accessRequests()).isEqualTo(listed);

		Http.Response otherUser = this.truce.http("notifier")
			.postJson("/api/access-requests", convoy, "Idempotency-Key", "convoy-1");
		assertThat(otherUser.status()).as("keys are each user's own").isEqualTo(201);
		assertThat(otherUser.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(accessRequests()).isEqualTo(listed + 1);
	}

	private int notifications() {
		return this.notifier.get("/api/notifications").json().get("items").size();
	}

	private int accessRequests() {
		return this.notifier.get("/api/access-requests").json().get("items").size();
	}

}
