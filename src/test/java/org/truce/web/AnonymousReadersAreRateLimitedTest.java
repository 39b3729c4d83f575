package org.truce.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers who are not signed in share an allowance per client address
 * ({@code truce.security.anonymous.*}): over it, 429 problem+json {@code RATE_LIMITED}
 * with Retry-After. Signed-in staff are not counted against it. Behind a proxy the
 * address is the one the proxy forwards; without one, a forwarded header is not believed,
 * so it cannot buy a fresh allowance.
 */
class AnonymousReadersAreRateLimitedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BURST = 5;

	private static final Map<String, Object> SLOW = Map.of("truce.security.anonymous.requests-per-minute", 6,
			"truce.security.anonymous.burst", BURST);

	private static final AtomicInteger addresses = new AtomicInteger();

	private static RunningTruce behindProxy;

	private static RunningTruce direct;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() {
		java.util.HashMap<String, Object> proxied = new java.util.HashMap<>(SLOW);
		proxied.put("truce.behind-proxy", "true");
		behindProxy = RunningTruce.sqlite(true, proxied);
		direct = RunningTruce.sqlite(true, SLOW);
	}

	@AfterAll
	static void stop() throws Exception {
		behindProxy.close();
		direct.close();
	}

	@Test
	void anAnonymousReaderOverItsAllowanceIs429WithRetryAfterAndOtherAddressesAreNotHeldUp() throws Exception {
		String from = newAddress();
		for (int i = 0; i < BURST; i++) {
			assertThat(get(behindProxy, "/api/event-types", from, null).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> refused = get(behindProxy, "/api/reports", from, null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("code").asString()).isEqualTo("RATE_LIMITED");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 10L));
		assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertThat(get(behindProxy, "/api/event-types", newAddress(), null).statusCode()).as("another address")
			.isEqualTo(200);
	}

	@Test
	void signedInStaffAreNotCountedAgainstTheAnonymousAllowance() throws Exception {
		String from = newAddress();
		String monitor = behindProxy.token("monitor");
		for (int i = 0; i < 4 * BURST; i++) {
			assertThat(get(behindProxy, "/api/reports", from, monitor).statusCode()).as("request %d", i).isEqualTo(200);
		}
		for (int i = 0; i < BURST; i++) {
			assertThat(get(behindProxy, "/api/reports", from, null).statusCode()).as("anonymous after staff")
				.isEqualTo(200);
		}
		assertThat(get(behindProxy, "/api/reports", from, null).statusCode()).isEqualTo(429);
		assertThat(get(behindProxy, "/api/reports", from, monitor).statusCode())
			.as("staff from an address whose anonymous allowance is spent")
			.isEqualTo(200);
	}

	@Test
	void withoutAProxyAForwardedAddressDoesNotBuyAFreshAllowance() throws Exception {
		int refused = 0;
		for (int i = 0; i < 2 * BURST; i++) {
			if (get(direct, "/api/event-types", newAddress(), null).statusCode() == 429) {
				refused++;
			}
		}
		assertThat(refused).as("all requests came from the loopback address, whatever X-Forwarded-For said")
			.isGreaterThanOrEqualTo(BURST - 1);
	}

	private HttpResponse<String> get(RunningTruce truce, String path, String from, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(truce.baseUri().resolve(path))
			.timeout(Duration.ofSeconds(30))
			.header("X-Forwarded-For", from)
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A client address of its own (documentation range), as a proxy forwards it. */
	private static String newAddress() {
		return "203.0.113." + addresses.incrementAndGet();
	}

}
