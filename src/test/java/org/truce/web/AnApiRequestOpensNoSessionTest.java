package org.truce.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API request, with a bearer token or anonymous, answered or refused, opens no HTTP
 * session (a session costs memory for its lifetime and the work of creating it on every
 * request of a client that keeps no cookies).
 */
class AnApiRequestOpensNoSessionTest {

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void readsAndRefusalsWithATokenOrWithoutOneSetNoCookie() {
		Http monitor = truce.http("monitor");
		Http anonymous = new Http(truce.baseUri());
		List<Http.Response> answers = List.of(monitor.get("/api/event-types"), monitor.get("/api/reports"),
				monitor.get("/api/me"), monitor.get("/api/users"), anonymous.get("/api/event-types"),
				anonymous.get("/actuator/health"), anonymous.get("/api/sources"),
				monitor.postJson("/api/reports", "{}"));

		assertThat(answers).extracting(Http.Response::status).containsExactly(200, 200, 200, 403, 200, 200, 401, 422);
		assertThat(answers).allSatisfy(r -> assertThat(r.headers().allValues("Set-Cookie")).as("%s", r).isEmpty());
	}

}
