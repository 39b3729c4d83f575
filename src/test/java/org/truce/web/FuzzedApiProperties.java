package org.truce.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.Mutations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API under mutated input, as a signed-in user who holds every role and as the
 * public: CSV imports (ACLED, UCDP) and GeoJSON geometries with random edits, and every
 * operation of {@code /v3/api-docs} that takes input (POST, PUT, PATCH, DELETE, and GETs
 * with parameters) with mutated path ids, query values and bodies. Whatever is sent: no
 * 5xx, no answer slower than the client's timeout, every 4xx is problem+json with a
 * {@code code}, and a refused request changes nothing: the ledger's size and the row
 * count of every table are the same before and after it.
 */
@SlowTest
class FuzzedApiProperties {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Tables that the server's background work changes on its own. */
	private static final Set<String> BACKGROUND = Set.of("ledger_checkpoints", "webhook_deliveries", "webhook_attempts",
			"flyway_schema_history");

	private static RunningTruce truce;

	private static String staff;

	private static final List<Operation> operations = new ArrayList<>();

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	record Operation(String method, String path, List<String> query, boolean body) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	@BeforeContainer
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia"))));
		truce.bean(Sources.class).save(ReportFixture.ucdp());
		truce.bean(Sources.class).save(ReportFixture.monitor());
		staff = truce.token("admin", "co-chair:russia", "monitor", "notifier", "liaison:syria-government");
		JsonNode paths = JSON.readTree(truce.http().get("/v3/api-docs").body()).get("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(Locale.ROOT);
				List<String> query = new ArrayList<>();
				for (JsonNode parameter : operation.getValue().path("parameters")) {
					if ("query".equals(parameter.path("in").asString())) {
						query.add(parameter.path("name").asString());
					}
				}
				boolean takesInput = !method.equals("GET") || path.getKey().contains("{") || !query.isEmpty();
				if (takesInput && !path.getKey().equals("/api/alerts/stream")) {
					operations
						.add(new Operation(method, path.getKey(), query, operation.getValue().has("requestBody")));
				}
			}
		}
	}

	@AfterContainer
	static void stop() throws Exception {
		truce.close();
	}

	@Property(tries = 40)
	void aMutatedCsvImportIsImportedOrRefusedWithAProblemAndARefusalRecordsNothing(
			@ForAll("mutatedCsv") Map.Entry<String, String> file) {
		send("POST", "/api/imports/" + file.getKey() + "?name=fuzzed.csv", "text/csv", file.getValue(), staff);
	}

	@Example
	void aCsvHeaderWithAnEmptyOrRepeatedNameIsRefusedNotAServerError() {
		for (String header : List.of("event_id_cnty,,event_date\n1,2,3\n", "year,year\n1,2\n", "\"a\"b,c\n1,2\n")) {
			Http.Response response = truce.http()
				.withToken(staff)
				.post("/api/imports/acled?name=header.csv", "text/csv", header.getBytes(StandardCharsets.UTF_8), false);
			assertThat(response.status()).as("%s", response).isEqualTo(422);
			assertThat(response.isProblem()).isTrue();
		}
	}

	@Property(tries = 40)
	void aMutatedGeometryIsAcceptedOrRefusedWithAProblemAndARefusalRecordsNothing(
			@ForAll("mutatedGeometries") String geometry) {
		send("POST", "/api/notifications", "application/json", """
				{"kind": "SITE", "name": "Fuzzed clinic", "siteKind": "CLINIC", "geometry": %s,
				 "parties": ["syria-government"]}""".formatted(geometry), staff);
	}

	@Property(tries = 120)
	void anyOperationWithMutatedInputIsNeverAServerErrorAndARefusalChangesNothing(@ForAll("requests") Request request) {
		send(request.method(), request.target(), "application/json", request.body(), request.signedIn() ? staff : null);
	}

	record Request(String method, String target, String body, boolean signedIn) {

	}

	private static void send(String method, String target, String contentType, String body, String token) {
		long ledgerBefore = truce.bean(Ledger.class).size();
		Map<String, Long> rowsBefore = rows();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(truce.baseUri() + target))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "application/json, application/problem+json, */*");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try {
			response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new AssertionError(method + " " + target + " did not answer within 20 s", ex);
		}
		catch (IOException ex) {
			throw new AssertionError(method + " " + target + ": no answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		int status = response.statusCode();
		String seen = method + " " + target + (token == null ? " (public)" : " (staff)") + " -> " + status + " "
				+ abbreviated(response.body()) + "\nbody sent: " + abbreviated(String.valueOf(body));
		Statistics.label("status").collect(status / 100 + "xx");
		assertThat(status).as(seen).isLessThan(500);
		if (status >= 400) {
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(seen)
				.startsWith("application/problem+json");
			JsonNode code = JSON.readTree(response.body()).get("code");
			assertThat(code == null ? null : code.asString()).as(seen).isNotBlank();
			Statistics.label("refusal").collect(code.asString());
			assertThat(truce.bean(Ledger.class).size()).as("the ledger after a refusal: " + seen)
				.isEqualTo(ledgerBefore);
			assertThat(rows()).as("the row counts after a refusal: " + seen).isEqualTo(rowsBefore);
		}
	}

	/** The row count of every table but those that background work changes. */
	private static Map<String, Long> rows() {
		List<String> tables = truce.jdbc()
			.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
					+ " AND name NOT LIKE '%_rtree%' ORDER BY name")
			.query(String.class)
			.list();
		Map<String, Long> out = new LinkedHashMap<>();
		for (String table : tables) {
			if (!BACKGROUND.contains(table)) {
				out.put(table, truce.jdbc().sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
			}
		}
		return out;
	}

	// ---------------------------------------------------------------- arbitraries

	private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "null",
			"true", "1e999", "-0", "NaN", "\u0000", "\u202e", "é", " ", "\n", "\r\n", ";", "'", "9999999999999999999",
			"-1", "2016-02-30", "[[[[", "]]]]", "\"\"", "Infinity", "0x10");

	private static final List<String> BODIES = List.of("{}", "[]", "null", "\"x\"", "1",
			"{\"eventType\": \"armed_clash\", \"when\": {\"start\": \"2016-10-21\"}, \"where\": {\"latitude\": 36.2,"
					+ " \"longitude\": 37.15}, \"source\": \"monitors\", \"narrative\": \"fuzz\"}",
			"{\"party\": \"syria-government\", \"question\": \"Which unit?\", \"deadline\": \"2100-01-01T00:00:00Z\"}",
			"{\"kind\": \"SITE\", \"name\": \"X\", \"siteKind\": \"CLINIC\", \"geometry\": {\"type\": \"Point\","
					+ " \"coordinates\": [37.15, 36.2]}, \"parties\": [\"syria-government\"]}",
			"{\"area\": {\"type\": \"Point\", \"coordinates\": [37.2, 36.3]}, \"from\": \"2016-09-19T00:00:00Z\","
					+ " \"to\": \"2016-09-20T00:00:00Z\"}",
			"{\"incidents\": [], \"reason\": \"fuzz\", \"version\": 1}", "{\"answer\": \"fuzz\"}",
			"{\"verdict\": \"APPROVED\", \"reasons\": \"fuzz\"}", "{\"url\": \"https://example.org/hook\"}",
			"{\"username\": \"fuzz\", \"roles\": [\"monitor\"]}",
			"{\"id\": \"fuzz\", \"name\": \"F\", \"kind\": \"NGO\"}");

	private static final List<String> VALUES = List.of("", "0", "-1", "1", "2147483648", "abc", "2016-10-21",
			"2016-10-21T00:00:00Z", "9999-12-31", "csv", "geojson", "open", "true", "%00", "..%2f..", "a,b,c",
			"1,2,3,4", "NaN", "1e999", "syria-government", "aleppo-pause-2016-10", "x".repeat(3000),
			UUID.randomUUID().toString());

	@Provide
	Arbitrary<Map.Entry<String, String>> mutatedCsv() {
		Arbitrary<Map.Entry<String, String>> base = Arbitraries.of(
				Map.entry("acled", resource("acled/acled_syria_2016_sample.csv", 12)),
				Map.entry("ucdp", resource("scenarios/fictional-tavuru/events/ucdp_ged_tavuru_2030.csv", 12)));
		return Combinators.combine(base, edits())
			.as((file, edits) -> Map.entry(file.getKey(), apply(file.getValue(), edits)));
	}

	@Provide
	Arbitrary<String> mutatedGeometries() {
		Arbitrary<String> base = Arbitraries.of("{\"type\": \"Point\", \"coordinates\": [37.15, 36.2]}",
				"{\"type\": \"Polygon\", \"coordinates\": [[[37.1, 36.1], [37.2, 36.1], [37.2, 36.2], [37.1, 36.1]]]}",
				"{\"type\": \"LineString\", \"coordinates\": [[37.13, 36.24], [37.17, 36.25]]}",
				"{\"type\": \"MultiPolygon\", \"coordinates\": [[[[37.1, 36.1], [37.2, 36.1], [37.2, 36.2], [37.1,"
						+ " 36.1]]]]}",
				"{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}",
				"{\"type\": \"Polygon\", \"coordinates\": [[" + "[37.1, 36.1], ".repeat(5000) + "[37.1, 36.1]]]}");
		return Combinators.combine(base, edits()).as(FuzzedApiProperties::apply);
	}

	@Provide
	Arbitrary<Request> requests() {
		Arbitrary<Operation> operation = Arbitraries.of(operations);
		Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.of(VALUES),
				Arbitraries.create(() -> UUID.randomUUID().toString()));
		Arbitrary<List<String>> ids = id.list().ofSize(3);
		Arbitrary<List<String>> values = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(8))
			.list()
			.ofSize(6);
		Arbitrary<String> body = Arbitraries.oneOf(
				Combinators.combine(Arbitraries.of(BODIES), edits()).as(FuzzedApiProperties::apply),
				Arbitraries.of(BODIES), Arbitraries.strings().ofMaxLength(60));
		return Combinators.combine(operation, ids, values, body, Arbitraries.of(true, false))
			.as((op, pathIds, queryValues, text, signedIn) -> {
				String path = op.path();
				for (String each : pathIds) {
					path = path.replaceFirst("\\{[^}]+\\}", URLEncoder.encode(each, StandardCharsets.UTF_8));
				}
				path = path.replaceAll("\\{[^}]+\\}", "x");
				List<String> query = new ArrayList<>();
				for (int i = 0; i < op.query().size(); i++) {
					query.add(op.query().get(i) + "="
							+ URLEncoder.encode(queryValues.get(i % queryValues.size()), StandardCharsets.UTF_8));
				}
				String target = path + (query.isEmpty() ? "" : "?" + query.stream().collect(Collectors.joining("&")));
				return new Request(op.method(), target, op.body() || !op.method().equals("GET") ? text : null,
						signedIn);
			});
	}

	private static Arbitrary<Mutations.Edits> edits() {
		return Mutations.edits(Arbitraries.oneOf(Arbitraries.of(TOKENS), Mutations.printable(5)), 40, 5);
	}

	private static String apply(String text, Mutations.Edits edits) {
		return edits.apply(text);
	}

	/** The first {@code lines} lines of a test resource. */
	private static String resource(String path, int lines) {
		try (InputStream in = FuzzedApiProperties.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no " + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.limit(lines)
				.collect(Collectors.joining("\n", "", "\n"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviated(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

}
