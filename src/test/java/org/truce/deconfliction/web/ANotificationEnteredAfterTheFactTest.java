package org.truce.deconfliction.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.application.Checkpointing;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notifier enters, years later, the notification of a 2016 convoy from the UN's
 * statement, and a liaison the acknowledgment its office sent. Over HTTP, every answer
 * that depends on time uses the asserted times and says who asserts them, in what
 * document, and when Truce recorded them; the ledger holds both, and the document only as
 * a commitment. A time later than its recording, or a time without who asserts it, is
 * refused.
 */
class ANotificationEnteredAfterTheFactTest {

	private static final String ROUTE = """
			{"type": "LineString", "coordinates": [[37.161173, 36.201241], [36.94775, 36.1481]]}""";

	private static final String OCHA = "OCHA (Stephen O'Brien)";

	private static final String STATEMENT = "Statement of 19 September 2016: notification had been provided to all parties";

	private static RunningTruce truce;

	private static Http notifier;

	private static Http syria;

	private static Http monitor;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
		notifier = truce.http("notifier");
		syria = truce.http("liaison:syria-government");
		monitor = truce.http("monitor");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static String convoy(String asserted) {
		return """
				{"kind": "MOVEMENT", "name": "UN/SARC convoy to Urum al-Kubra", "movementKind": "CONVOY",
				 "geometry": %s, "from": "2016-09-19T08:00:00+03:00", "to": "2016-09-19T23:59:00+03:00",
				 "parties": ["syria-government", "russia"]%s}""".formatted(ROUTE,
				asserted == null ? "" : ", \"asserted\": " + asserted);
	}

	@Test
	void theAnswerUsesTheAssertedTimeAndSaysWhoAssertsItInWhatDocumentAndWhenItWasRecorded() throws Exception {
		Instant before = Instant.now();
		Http.Response sent = notifier.postJson("/api/notifications", convoy("""
				{"at": "2016-09-18T23:59:00+03:00", "by": "%s", "document": "%s",
				 "url": "https://m.reliefweb.int/report/1700831"}""".formatted(OCHA, STATEMENT)));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode view = sent.json();
		String id = view.get("id").asString();
		assertThat(view.get("notifiedAt").asString()).isEqualTo("2016-09-18T20:59:00Z");
		assertThat(view.get("asserted").get("by").asString()).isEqualTo(OCHA);
		assertThat(view.get("asserted").get("document").asString()).isEqualTo(STATEMENT);
		assertThat(Instant.parse(view.get("recordedAt").asString())).isAfterOrEqualTo(before.minusMillis(1));
		assertThat(view.get("transitions").get(0).get("at").asString()).as("the history starts in 2016")
			.isEqualTo("2016-09-18T20:59:00Z");
		assertThat(view.get("transitions").get(0).get("asserted").get("by").asString()).isEqualTo(OCHA);
		assertThat(view.get("transitions").get(1).get("status").asString()).isEqualTo("EXPIRED");
		assertThat(view.get("transitions").get(1).get("at").asString()).isEqualTo("2016-09-19T20:59:00Z");

		Http.Response acked = syria.postJson("/api/notifications/" + id + "/acknowledgments", """
				{"asserted": {"at": "2016-09-19T09:00:00+03:00", "by": "Syrian liaison office",
				 "document": "Reply to the notification (demo)"}}""");
		assertThat(acked.status()).as(acked.toString()).isEqualTo(200);
		JsonNode ack = acked.json().get("acknowledgments").get(0);
		assertThat(ack.get("at").asString()).isEqualTo("2016-09-19T06:00:00Z");
		assertThat(ack.get("asserted").get("by").asString()).isEqualTo("Syrian liaison office");
		assertThat(Instant.parse(ack.get("recordedAt").asString())).isAfter(Instant.parse("2020-01-01T00:00:00Z"));

		truce.bean(Checkpointing.class).checkpoint();
		JsonNode answer = monitor
			.get("/api/notifications/" + id + "/notified?party=syria-government&before=2016-09-19T19:12:00%2B03:00")
			.json();
		assertThat(answer.get("notified").asBoolean()).isTrue();
		assertThat(answer.get("notifiedAt").asString()).isEqualTo("2016-09-18T20:59:00Z");
		assertThat(answer.get("notifiedAsserted").get("by").asString()).isEqualTo(OCHA);
		assertThat(answer.get("notifiedAsserted").get("document").asString()).isEqualTo(STATEMENT);
		assertThat(answer.get("notificationRecordedAt").asString()).isEqualTo(view.get("recordedAt").asString());
		assertThat(answer.get("acknowledgedBeforeStrike").asBoolean()).isTrue();
		assertThat(answer.get("acknowledgmentAsserted").get("by").asString()).isEqualTo("Syrian liaison office");
		assertThat(answer.get("answer").asString()).startsWith("Yes.")
			.contains("2016-09-18T20:59:00Z")
			.contains(OCHA)
			.contains(STATEMENT)
			.contains("recorded in Truce at " + view.get("recordedAt").asString());

		JsonNode sentEntry = JsonMapper.builder()
			.build()
			.readTree(answer.get("ledger").get("entry").asString())
			.get("body");
		assertThat(sentEntry.get("notifiedAt").asString()).as("recorded").isEqualTo(view.get("recordedAt").asString());
		assertThat(sentEntry.get("asserted").get("at").asString()).isEqualTo("2016-09-18T20:59:00Z");
		assertThat(sentEntry.get("asserted").get("by").asString()).isEqualTo(OCHA);
		String salt = view.get("content").get("salt").asString();
		assertThat(sentEntry.get("asserted").get("provenanceCommitment").asString())
			.isEqualTo(view.get("asserted").get("provenanceCommitment").asString())
			.isEqualTo(sha256(salt + "." + "{\"about\":\"" + id + "\",\"document\":\"" + STATEMENT
					+ "\",\"url\":\"https://m.reliefweb.int/report/1700831\"}"));
		assertThat(sentEntry.toString()).as("the public ledger cites no document").doesNotContain("reliefweb");
		assertThat(answer.get("ledger").get("checkpointed").asBoolean()).isTrue();
		JsonNode ackEntry = JsonMapper.builder()
			.build()
			.readTree(answer.get("acknowledgmentLedger").get("entry").asString())
			.get("body");
		assertThat(ackEntry.get("asserted").get("at").asString()).isEqualTo("2016-09-19T06:00:00Z");

		JsonNode beforeTheAck = monitor
			.get("/api/notifications/" + id + "/notified?party=syria-government&before=2016-09-19T08:00:00%2B03:00")
			.json();
		assertThat(beforeTheAck.get("notified").asBoolean()).isTrue();
		assertThat(beforeTheAck.get("acknowledgedBeforeStrike").asBoolean()).isFalse();
	}

	@Test
	void withoutAnAssertionTheNotificationIsNotifiedWhenItIsRecordedByTheSignedInNotifier() {
		Http.Response sent = notifier.postJson("/api/notifications", convoy(null));
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode view = sent.json();
		String me = notifier.get("/api/me").json().get("userId").asString();

		assertThat(view.get("notifiedAt").asString()).isEqualTo(view.get("recordedAt").asString());
		assertThat(view.get("asserted").get("by").asString()).isEqualTo(me);
		assertThat(view.get("asserted").hasNonNull("document")).isFalse();
		JsonNode answer = monitor
			.get("/api/notifications/" + view.get("id").asString()
					+ "/notified?party=syria-government&before=2016-09-19T19:12:00%2B03:00")
			.json();
		assertThat(answer.get("notified").asBoolean()).as("recorded years after the strike").isFalse();
		assertThat(answer.get("answer").asString()).startsWith("No.");
	}

	@Test
	void aTimeLaterThanItsRecordingOrWithoutWhoAssertsItIsRefusedNamingTheField() {
		Http.Response later = notifier.postJson("/api/notifications",
				convoy("{\"at\": \"2999-01-01T00:00:00Z\", \"by\": \"OCHA\"}"));
		assertThat(later.status()).isEqualTo(422);
		assertThat(later.code()).isEqualTo("ASSERTED_AFTER_RECORDED");
		assertThat(later.field()).isEqualTo("asserted.at");

		Http.Response anonymous = notifier.postJson("/api/notifications",
				convoy("{\"at\": \"2016-09-18T23:59:00+03:00\", \"document\": \"A letter\"}"));
		assertThat(anonymous.status()).isEqualTo(422);
		assertThat(anonymous.code()).isEqualTo("ASSERTED_BY_REQUIRED");
		assertThat(anonymous.field()).isEqualTo("asserted.by");

		String id = notifier
			.postJson("/api/notifications", convoy("{\"at\": \"2016-09-18T23:59:00+03:00\", \"by\": \"OCHA\"}"))
			.json()
			.get("id")
			.asString();
		Http.Response ackBeforeNotice = syria.postJson("/api/notifications/" + id + "/acknowledgments",
				"{\"asserted\": {\"at\": \"2016-09-17T00:00:00Z\", \"by\": \"Syrian liaison office\"}}");
		assertThat(ackBeforeNotice.status()).isEqualTo(422);
		assertThat(ackBeforeNotice.code()).isEqualTo("ASSERTED_BEFORE_NOTIFIED");
		assertThat(ackBeforeNotice.field()).isEqualTo("asserted.at");
		Http.Response ackLater = syria.postJson("/api/notifications/" + id + "/acknowledgments",
				"{\"asserted\": {\"at\": \"2999-01-01T00:00:00Z\", \"by\": \"Syrian liaison office\"}}");
		assertThat(ackLater.code()).isEqualTo("ASSERTED_AFTER_RECORDED");
		assertThat(monitor.get("/api/notifications/" + id).json().get("acknowledgments")).as("nothing recorded")
			.isEmpty();
	}

	@Test
	void aPositionDeclaredAfterTheFactShowsWhenItWasDeclaredAndWhenItWasRecorded() {
		Http.Response declared = syria.postJson("/api/positions", """
				{"label": "Brigade HQ", "area": {"type": "Point", "coordinates": [37.2, 36.2]},
				 "from": "2016-09-19T00:00:00+03:00", "to": "2016-09-20T00:00:00+03:00",
				 "asserted": {"at": "2016-09-18T12:00:00+03:00", "by": "Syrian liaison office",
				              "document": "Declaration of 18 September (demo)"}}""");
		assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

		assertThat(declared.json().get("declaredAt").asString()).isEqualTo("2016-09-18T09:00:00Z");
		assertThat(declared.json().get("asserted").get("by").asString()).isEqualTo("Syrian liaison office");
		assertThat(Instant.parse(declared.json().get("recordedAt").asString()))
			.isAfter(Instant.parse("2020-01-01T00:00:00Z"));
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
