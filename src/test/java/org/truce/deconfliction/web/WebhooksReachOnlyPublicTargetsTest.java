package org.truce.deconfliction.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.Webhooks;
import org.truce.deconfliction.model.Webhook;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP, with no target allow-listed: an admin cannot subscribe a loopback,
 * link-local, private, multicast or unspecified address (nor an IPv6 form of one, nor a
 * name that resolves to one), and gets a problem naming the url; a subscription to the
 * loopback receiver that is in the store anyway (made before the rule, or by a name that
 * answered otherwise then) gets nothing at delivery, and its log says why, while the
 * receiver never sees a request.
 */
class WebhooksReachOnlyPublicTargetsTest {

	private static RunningTruce truce;

	private static HttpServer receiver;

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	@BeforeAll
	static void aServerWithoutAllowListAndALoopbackReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			REQUESTS.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		truce = RunningTruce.sqlite(true, Map.of("truce.webhooks.initial-backoff-ms", 100,
				"truce.webhooks.max-attempts", 2, "truce.webhooks.poll-ms", 100));
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		truce.bean(Notifying.class)
			.register(new Notifying.NewNotification("site", "Al-Quds hospital", "hospital", null,
					"{\"type\": \"Point\", \"coordinates\": [37.1450, 36.2120]}", null, null, List.of(), "red crescent",
					List.of("syria-government")), "notifier");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
		receiver.stop(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://127.1.2.3/x", "http://localhost/x", "http://[::1]/x",
			"http://[::ffff:127.0.0.1]/x", "http://[::ffff:7f00:1]/x", "http://169.254.169.254/latest",
			"http://[fe80::1]/x", "http://10.0.0.5/x", "http://172.16.3.4/x", "http://192.168.1.1/x",
			"http://[fd12:3456::1]/x", "http://[fc00::1]/x", "http://224.0.0.1/x", "http://[ff02::1]/x",
			"http://0.0.0.0/x", "http://[::]/x", "http://100.64.0.1/x", "http://255.255.255.255/x",
			"http://[64:ff9b::a00:1]/x", "http://[2002:c0a8:101::1]/x", "http://2130706433/x", "http://0x7f000001/x",
			"https://127.0.0.1/x" })
	void aNonPublicTargetIsRefusedAtRegistration(String url) {
		Http admin = truce.http().withToken(truce.token("admin"));
		int before = admin.get("/api/webhooks").json().get("items").size();

		Http.Response refused = admin.postJson("/api/webhooks", "{\"url\": \"" + url + "\"}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("WEBHOOK_TARGET_NOT_ALLOWED");
		assertThat(refused.field()).isEqualTo("url");
		assertThat(refused.isProblem()).isTrue();
		assertThat(admin.get("/api/webhooks").json().get("items")).as("nothing stored").hasSize(before);
	}

	@Test
	void aPublicAddressIsAccepted() {
		Http admin = truce.http().withToken(truce.token("admin"));
		Http.Response made = admin.postJson("/api/webhooks", "{\"url\": \"https://93.184.215.14/hook\"}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
	}

	@Test
	void aStoredSubscriptionToLoopbackGetsNothingAtDelivery() throws Exception {
		Http admin = truce.http().withToken(truce.token("admin"));
		UUID id = UUID.randomUUID();
		truce.bean(Webhooks.class)
			.add(new Webhook.Subscription(id, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
					"a shared secret of the receiver", "admin", Instant.now(), true));

		Http.Response report = truce.http().withToken(truce.token("monitor")).postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-04-27T23:00:00+03:00"},
				 "where": {"latitude": 36.2125, "longitude": 37.1452, "precision": "surveyed"},
				 "actor": "Syrian government", "narrative": "Shells near the hospital.", "source": "monitors"}""");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);

		JsonNode failed = awaitFailed(admin, id.toString());
		assertThat(failed.get("attempts")).hasSize(2);
		for (JsonNode attempt : failed.get("attempts")) {
			assertThat(attempt.has("statusClass")).isFalse();
			assertThat(attempt.get("error").asString()).startsWith("refused: ").contains("loopback");
		}
		assertThat(REQUESTS.get()).as("the receiver saw no request").isZero();
	}

	private static JsonNode awaitFailed(Http admin, String subscription) throws InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			for (JsonNode d : admin.get("/api/webhooks/" + subscription + "/deliveries").json().get("items")) {
				if ("FAILED".equals(d.get("status").asString())) {
					return d;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no delivery of " + subscription + " failed");
	}

}
