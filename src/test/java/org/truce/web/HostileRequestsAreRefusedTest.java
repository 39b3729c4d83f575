package org.truce.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken client sends is refused with problem+json (or, for a person's
 * browser, the sign-in page), never with a server error, and records nothing: oversized
 * bodies, tokens that are wrong, malformed, of another scheme or expired, writes with a
 * session but without its CSRF token, a sign-in form without its CSRF token, lists over
 * their limits, too many bad tokens from one address and a token used too fast. The
 * server runs as behind a proxy, so that each test can speak from its own client address
 * ({@code X-Forwarded-For}) and the per-address limits of one test do not lock out the
 * others. Unknown, revoked and expired tokens on reads, wrong passwords and locked
 * accounts are in {@code SigningInTest}.
 */
class HostileRequestsAreRefusedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String PASSWORD = "a long and known password";

	private static final int BAD_TOKENS_PER_ADDRESS = 3;

	private static final int TOKEN_REQUESTS_PER_SECOND = 10;

	private static final String REPORT = """
			{"eventType": "armed_clash", "when": {"start": "2016-10-21"},
			 "where": {"latitude": 36.2, "longitude": 37.15}, "source": "monitors", "narrative": "%s"%s}""";

	private static final AtomicInteger addresses = new AtomicInteger();

	private static RunningTruce truce;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, Map.of("truce.behind-proxy", "true", "truce.security.token.address-failures",
				BAD_TOKENS_PER_ADDRESS, "truce.security.token.requests-per-second", TOKEN_REQUESTS_PER_SECOND));
		truce.register(Parties.SYRIA_GOVERNMENT);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		truce.bean(ManagingUsers.class)
			.add("clerk", PASSWORD, List.of(new Grant(Role.ADMIN, null), new Grant(Role.MONITOR, null)),
					ManagingUsers.COMMAND_LINE);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void anOversizedBodyIs413WithOrWithoutATokenDeclaredOrChunked() throws Exception {
		String from = newAddress();
		String token = truce.token("monitor");
		byte[] huge = report("x".repeat(1_100_000), "").getBytes(StandardCharsets.UTF_8);
		long before = reports();

		List<HttpResponse<String>> refused = List.of(
				send(post("/api/reports", "application/json", huge, false), from, null),
				send(post("/api/reports", "application/json", huge, false), from, token),
				send(post("/api/reports", "application/json", huge, true), from, token),
				// A form body is read by a filter before any controller (for PUT and
				// DELETE).
				send(request("/api/tokens/" + UUID.randomUUID())
					.header("Content-Type", "application/x-www-form-urlencoded")
					.method("DELETE", chunked(huge)), from, token));
		for (HttpResponse<String> response : refused) {
			assertProblem(response, 413, "BODY_TOO_LARGE");
			assertSecurityHeaders(response);
		}
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void tokensOfAnotherSchemeOrMalformedAreRefusedAndOpenNoSession() throws Exception {
		long before = reports();
		Map<String, String> unauthenticated = Map.of("Basic Y2xlcms6YSBsb25nIGFuZCBrbm93biBwYXNzd29yZA==",
				"UNAUTHENTICATED", "Token truce_abc", "UNAUTHENTICATED", "Bearer", "INVALID_TOKEN", "Bearer two words",
				"INVALID_TOKEN", "Bearer truce_" + "a".repeat(6000), "INVALID_TOKEN", "bearer truce_not-issued",
				"INVALID_TOKEN");
		for (Map.Entry<String, String> header : unauthenticated.entrySet()) {
			HttpResponse<String> write = send(post("/api/reports", "application/json",
					report("wrong scheme", "").getBytes(StandardCharsets.UTF_8), false)
				.header("Authorization", header.getKey()), newAddress(), null);
			assertProblem(write, 401, header.getValue());
			assertThat(write.headers().allValues("Set-Cookie")).as("no session for %s", header.getKey()).isEmpty();
			HttpResponse<String> read = send(request("/api/me").header("Authorization", header.getKey()).GET(),
					newAddress(), null);
			assertProblem(read, 401, header.getValue());
		}
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void anExpiredTokenCannotWrite() throws Exception {
		ManagingUsers users = truce.bean(ManagingUsers.class);
		users.add("expiring", null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE);
		String token = users.issueToken("expiring", "short", Instant.now().plusMillis(1200), ManagingUsers.COMMAND_LINE)
			.secret();
		Thread.sleep(1300);
		long before = reports();
		HttpResponse<String> response = send(
				post("/api/reports", "application/json", report("expired", "").getBytes(StandardCharsets.UTF_8), false),
				newAddress(), token);
		assertProblem(response, 401, "INVALID_TOKEN");
		assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("expired");
		assertThat(reports()).isEqualTo(before);
	}

	@Test
	void aSignedInSessionCannotWriteWithoutItsCsrfToken() throws Exception {
		Browser browser = new Browser(newAddress());
		assertThat(browser.signIn("clerk", PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.send(request("/api/me").GET()).statusCode()).as("signed in").isEqualTo(200);
		long before = reports();

		HttpResponse<String> report = browser.send(post("/api/reports", "application/json",
				report("no csrf", "").getBytes(StandardCharsets.UTF_8), false));
		assertProblem(report, 403, "CSRF_TOKEN_MISSING");
		HttpResponse<String> user = browser.send(post("/api/users", "application/json",
				"{\"username\": \"forged-admin\", \"grants\": [\"admin\"]}".getBytes(StandardCharsets.UTF_8), false));
		assertProblem(user, 403, "CSRF_TOKEN_MISSING");
		HttpResponse<String> wrongToken = browser.send(post("/api/users", "application/json",
				"{\"username\": \"forged-admin\"}".getBytes(StandardCharsets.UTF_8), false)
			.header("X-CSRF-TOKEN", "not-the-token"));
		assertProblem(wrongToken, 403, "CSRF_TOKEN_MISSING");

		assertThat(reports()).isEqualTo(before);
		assertThat(truce.bean(org.truce.identity.application.Users.class).byUsername("forged-admin")).isEmpty();
	}

	@Test
	void aSignInFormWithoutItsCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
		String form = "username=clerk&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		Browser browser = new Browser(newAddress());
		HttpResponse<String> page = browser
			.send(post("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), false)
				.header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
		assertThat(browser.send(request("/login?expired").header("Accept", "text/html").GET()).body())
			.contains("id=\"sign-in-expired\"")
			.contains("Sign in again here");
		assertThat(browser.send(request("/api/me").GET()).statusCode()).as("not signed in").isEqualTo(401);

		HttpResponse<String> api = send(
				post("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), false),
				newAddress(), null);
		assertProblem(api, 403, "CSRF_TOKEN_MISSING");
		assertThat(JSON.readTree(api.body()).get("field").asString()).isEqualTo("_csrf");
	}

	@Test
	void listsOverTheirLimitsAreTooManyItems() throws Exception {
		String attachment = "{\"sha256\": \"" + "ab".repeat(32) + "\", \"mediaType\": \"image/jpeg\"}";
		String attachments = ", \"attachments\": [" + String.join(",", Collections.nCopies(51, attachment)) + "]";
		long before = reports();
		HttpResponse<String> report = send(
				post("/api/reports", "application/json",
						report("too many attachments", attachments).getBytes(StandardCharsets.UTF_8), false),
				newAddress(), truce.token("monitor"));
		assertProblem(report, 422, "TOO_MANY_ITEMS");
		assertThat(JSON.readTree(report.body()).get("field").asString()).isEqualTo("attachments");
		assertThat(reports()).isEqualTo(before);

		List<String> grants = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			grants.add("\"liaison:syria-government\"");
		}
		HttpResponse<String> user = send(post("/api/users", "application/json",
				("{\"username\": \"many-grants\", \"grants\": [" + String.join(",", grants) + "]}")
					.getBytes(StandardCharsets.UTF_8),
				false), newAddress(), truce.token("admin"));
		assertProblem(user, 422, "TOO_MANY_ITEMS");
		assertThat(JSON.readTree(user.body()).get("field").asString()).isEqualTo("grants");
	}

	@Test
	void tooManyBadTokensFromOneAddressLockItOutWith429AndRetryAfter() throws Exception {
		String from = newAddress();
		String good = truce.token("monitor");
		for (int i = 0; i < BAD_TOKENS_PER_ADDRESS; i++) {
			assertProblem(send(request("/api/me").GET(), from, "truce_guess-" + i), 401, "INVALID_TOKEN");
		}
		HttpResponse<String> locked = send(request("/api/me").GET(), from, "truce_guess-again");
		assertProblem(locked, 429, "TOO_MANY_ATTEMPTS");
		assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, Duration.ofMinutes(15).toSeconds()));
		assertSecurityHeaders(locked);
		assertProblem(send(request("/api/me").GET(), from, good), 429, "TOO_MANY_ATTEMPTS");

		assertThat(send(request("/api/me").GET(), newAddress(), good).statusCode()).as("from another address")
			.isEqualTo(200);
	}

	@Test
	void aTokenUsedFasterThanItsAllowanceIs429() throws Exception {
		String from = newAddress();
		String busy = truce.token("monitor");
		List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
		for (int i = 0; i < 4 * TOKEN_REQUESTS_PER_SECOND; i++) {
			burst.add(this.client.sendAsync(authorised(request("/api/event-types").GET(), from, busy).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();
		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429).contains(200, 429);
		for (HttpResponse<String> refused : answers.stream().filter(r -> r.statusCode() == 429).toList()) {
			assertProblem(refused, 429, "RATE_LIMITED");
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		}
		assertThat(send(request("/api/event-types").GET(), from, truce.token("monitor")).statusCode())
			.as("another token")
			.isEqualTo(200);
	}

	@Test
	void requestsNothingAnswersOrTheServerCannotReadAreProblemsToo() throws Exception {
		Map<String, String> paths = Map.of("/error", "NOT_FOUND", "/api/nothing-here", "NOT_FOUND",
				"/api/reports/..%2f..%2fetc%2fpasswd", "MALFORMED_REQUEST", "/api/users/%00", "MALFORMED_REQUEST");
		for (Map.Entry<String, String> path : paths.entrySet()) {
			HttpResponse<String> response = send(request(path.getKey()).GET(), newAddress(), null);
			assertProblem(response, path.getValue().equals("NOT_FOUND") ? 404 : 400, path.getValue());
			assertSecurityHeaders(response);
		}
		HttpResponse<String> hugeHeader = send(request("/api/me").header("X-Padding", "p".repeat(20_000)).GET(),
				newAddress(), null);
		assertProblem(hugeHeader, 400, "MALFORMED_REQUEST");
		assertSecurityHeaders(hugeHeader);
	}

	private static void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
	}

	private static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'")
				.contains("style-src 'self'")
				.contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	private static String report(String narrative, String more) {
		return REPORT.formatted(narrative, more);
	}

	private static long reports() {
		return truce.jdbc().sql("SELECT count(*) FROM reports").query(Long.class).single();
	}

	/** A client address of its own (documentation range), as a proxy forwards it. */
	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "198.51.100." + n;
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(truce.baseUri().resolve(path)).timeout(Duration.ofSeconds(30));
	}

	private static HttpRequest.Builder post(String path, String contentType, byte[] body, boolean chunked) {
		return request(path).header("Content-Type", contentType)
			.POST(chunked ? chunked(body) : HttpRequest.BodyPublishers.ofByteArray(body));
	}

	/** Without a Content-Length: the size shows only while reading. */
	private static HttpRequest.BodyPublisher chunked(byte[] body) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
	}

	private static HttpRequest.Builder authorised(HttpRequest.Builder request, String from, String token) {
		request.header("X-Forwarded-For", from);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String from, String token) throws Exception {
		try {
			return this.client.send(authorised(request, from, token).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			// The server may close the connection after refusing a body it did not read;
			// a refusal sent before that is what the client saw.
			throw new AssertionError("no answer: " + ex, ex);
		}
	}

	/** A browser from one address: keeps cookies, does not follow redirects. */
	private static final class Browser {

		private final String from;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		Browser(String from) {
			this.from = from;
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.client.send(request.header("X-Forwarded-For", this.from).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(send(request("/login").header("Accept", "text/html").GET()).body());
			assertThat(csrf.find()).isTrue();
			String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			return send(
					post("/login", "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), false)
						.header("Accept", "text/html"));
		}

	}

}
