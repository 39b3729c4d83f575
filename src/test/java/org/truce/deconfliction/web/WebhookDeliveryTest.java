package org.truce.deconfliction.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.deconfliction.application.Notifying;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed webhooks over real HTTP: a local receiver that answers 500 to the first attempts
 * gets the alert once it is up, every attempt is in the delivery log, the receiver checks
 * the signature with its own HMAC-SHA256, and a replay sends it again.
 */
class WebhookDeliveryTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "a shared secret of the receiver";

	private RunningTruce truce;

	private HttpServer receiver;

	/** How many requests the receiver refuses (500) before it accepts. */
	private final AtomicInteger failuresLeft = new AtomicInteger(2);

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final AtomicInteger requests = new AtomicInteger();

	record Received(String body, String timestamp, String signature, String delivery) {

	}

	@BeforeEach
	void aReceiverDownForTheFirstTwoAttemptsAndAServerWithShortBackoffs() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", exchange -> {
			this.requests.incrementAndGet();
			byte[] body = exchange.getRequestBody().readAllBytes();
			if (this.failuresLeft.getAndDecrement() > 0) {
				exchange.sendResponseHeaders(500, -1);
				exchange.close();
				return;
			}
			this.received.add(new Received(new String(body, StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("Truce-Timestamp"),
					exchange.getRequestHeaders().getFirst("Truce-Signature"),
					exchange.getRequestHeaders().getFirst("Truce-Delivery")));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
		// The receiver is on loopback: an operator must allow-list it.
		this.truce = RunningTruce.sqlite(true,
				Map.of("truce.webhooks.initial-backoff-ms", 200, "truce.webhooks.max-backoff-ms", 1000,
						"truce.webhooks.poll-ms", 100, "truce.webhooks.allowed-targets", "127.0.0.1/32"));
		this.truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
					List.of("Syrian government"))));
		this.truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		this.truce.bean(Notifying.class)
			.register(new Notifying.NewNotification("site", "Al-Quds hospital", "hospital", null,
					"{\"type\": \"Point\", \"coordinates\": [37.1450, 36.2120]}", null, null, List.of(), "red crescent",
					List.of("syria-government")), "notifier");
	}

	@AfterEach
	void stop() throws Exception {
		this.truce.close();
		this.receiver.stop(0);
	}

	@Test
	void aDeliverySurvivesTheReceiverBeingDownIsSignedAndCanBeReplayed() throws Exception {
		Http admin = this.truce.http().withToken(this.truce.token("admin"));
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
		Http.Response subscribed = admin.postJson("/api/webhooks",
				"{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\"}");
		assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
		assertThat(subscribed.json().get("secret").asString()).isEqualTo(SECRET);
		String subscription = subscribed.json().get("id").asString();
		assertThat(admin.get("/api/webhooks").body()).doesNotContain(SECRET);

		Http.Response report = this.truce.http().withToken(this.truce.token("monitor")).postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-04-27T23:00:00+03:00"},
				 "where": {"latitude": 36.2125, "longitude": 37.1452, "precision": "surveyed"},
				 "actor": "Syrian government", "narrative": "Shells near the hospital.", "source": "monitors"}""");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);

		Received first = this.received.poll(30, TimeUnit.SECONDS);
		assertThat(first).as("the alert, once the receiver is up").isNotNull();
		assertThat(this.requests.get()).isEqualTo(3);
		assertThat(first.signature()).isEqualTo(referenceSignature(SECRET, first.timestamp(), first.body()));
		assertThat(Math.abs(Long.parseLong(first.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
		JsonNode alert = JSON.readTree(first.body());
		assertThat(alert.get("place").get("kind").asString()).isEqualTo("site");
		assertThat(alert.has("where")).as("webhooks get no report coordinates").isFalse();
		// A webhook reads what the public may: the report is not published, so the
		// alert carries its grid cell, and the proximity found from the cell.
		assertThat(alert.has("report")).isFalse();
		assertThat(alert.has("distanceMetres")).isFalse();
		assertThat(alert.get("cell").get("south").asDouble()).isEqualTo(36.2);
		assertThat(alert.get("cell").get("west").asDouble()).isEqualTo(37.1);
		assertThat(alert.get("proximity").asString()).isEqualTo("POSSIBLY_WITHIN");
		assertThat(first.body()).doesNotContain(report.json().get("id").asString());

		JsonNode log = awaitDelivered(admin, subscription, first.delivery());
		assertThat(log.get("status").asString()).isEqualTo("DELIVERED");
		JsonNode attempts = log.get("attempts");
		assertThat(attempts).hasSize(3);
		// The log gives the class of each answer, not the target's exact status.
		assertThat(attempts.get(0).get("statusClass").asString()).isEqualTo("5xx");
		assertThat(attempts.get(1).get("statusClass").asString()).isEqualTo("5xx");
		assertThat(attempts.get(2).get("statusClass").asString()).isEqualTo("2xx");
		assertThat(attempts.get(2).has("statusCode")).isFalse();
		Instant a1 = Instant.parse(attempts.get(0).get("at").asString());
		Instant a2 = Instant.parse(attempts.get(1).get("at").asString());
		Instant a3 = Instant.parse(attempts.get(2).get("at").asString());
		assertThat(Duration.between(a1, a2)).as("backed off").isGreaterThanOrEqualTo(Duration.ofMillis(190));
		assertThat(Duration.between(a2, a3)).as("backed off twice as long")
			.isGreaterThanOrEqualTo(Duration.ofMillis(390));

		Http.Response replay = admin.postJson("/api/webhooks/deliveries/" + first.delivery() + "/replay", "");
		assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
		Received again = this.received.poll(30, TimeUnit.SECONDS);
		assertThat(again).isNotNull();
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.delivery()).isEqualTo(replay.json().get("id").asString());
		assertThat(again.signature()).isEqualTo(referenceSignature(SECRET, again.timestamp(), again.body()));
		assertThat(referenceSignature("another secret entirely", again.timestamp(), again.body()))
			.isNotEqualTo(again.signature());
		assertThat(awaitDelivered(admin, subscription, again.delivery()).get("replayOf").asString())
			.isEqualTo(first.delivery());
	}

	@Test
	void subscriptionsAreRefusedWithClearErrors() {
		Http admin = this.truce.http().withToken(this.truce.token("admin"));

		Http.Response noUrl = admin.postJson("/api/webhooks", "{\"secret\": \"" + SECRET + "\"}");
		Http.Response ftp = admin.postJson("/api/webhooks", "{\"url\": \"ftp://example.org/x\"}");
		Http.Response shortSecret = admin.postJson("/api/webhooks",
				"{\"url\": \"https://example.org/x\", \"secret\": \"short\"}");
		Http.Response made = admin.postJson("/api/webhooks", "{\"url\": \"https://example.org/x\"}");

		assertThat(noUrl.code()).isEqualTo("FIELD_REQUIRED");
		assertThat(noUrl.field()).isEqualTo("url");
		assertThat(ftp.code()).isEqualTo("INVALID_VALUE");
		assertThat(ftp.field()).isEqualTo("url");
		assertThat(shortSecret.code()).isEqualTo("INVALID_VALUE");
		assertThat(shortSecret.field()).isEqualTo("secret");
		assertThat(made.status()).isEqualTo(201);
		assertThat(made.json().get("secret").asString()).hasSize(64);
	}

	private static JsonNode awaitDelivered(Http admin, String subscription, String delivery)
			throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			for (JsonNode d : admin.get("/api/webhooks/" + subscription + "/deliveries").json().get("items")) {
				if (d.get("id").asString().equals(delivery) && "DELIVERED".equals(d.get("status").asString())) {
					return d;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("delivery " + delivery + " not logged as delivered");
	}

	/** The receiver's own check: HMAC-SHA256(secret, timestamp + "." + body), in hex. */
	private static String referenceSignature(String secret, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256="
				+ HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

}
