package org.truce.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.humanitarian.application.RecordingBesiegedAreas;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.ledger.application.Checkpointing;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list, map layer and export in {@code /v3/api-docs} reads and answers a bounded
 * number of rows. With every cap set to {@value #CAP} and more rows than that in the
 * store, each GET operation is called (as a user who may read everything); an answer that
 * is a list (a JSON array, an object with {@code items} or {@code features}, a map of
 * ids, CSV) must carry {@code Truce-Row-Cap}, hold at most the cap, and, where more rows
 * were stored, say {@code Truce-Truncated: true}. A list without a cap fails the test, so
 * a new endpoint is covered without a new test. A {@code limit} above the cap is refused
 * (400 INVALID_QUERY).
 */
class EveryListIsCappedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int CAP = 3;

	private static final int ROWS = CAP + 2;

	/** Sample requests for operations with path or required query parameters. */
	private static final Map<String, String> SAMPLES = Map.ofEntries(
	// @formatter:off
		Map.entry("GET /api/reports/{id}", "/api/reports/{report}"),
		Map.entry("GET /api/reports/{id}/proof", "/api/reports/{report}/proof"),
		Map.entry("GET /api/incidents/{id}", "/api/incidents/{incident}"),
		Map.entry("GET /api/incidents/{id}/findings", "/api/incidents/{incident}/findings"),
		Map.entry("GET /api/incidents/{id}/rfis", "/api/incidents/{incident}/rfis"),
		Map.entry("GET /api/incidents/{id}/determinations", "/api/incidents/{incident}/determinations"),
		Map.entry("GET /api/incidents/{id}/evidence/{sha256}", "/api/incidents/{incident}/evidence/" + "0".repeat(64)),
		Map.entry("GET /api/rfis/{id}", "/api/rfis/{rfi}"),
		Map.entry("GET /api/access-requests/{id}", "/api/access-requests/{access}"),
		Map.entry("GET /api/besieged-areas/{id}", "/api/besieged-areas/{besieged}"),
		Map.entry("GET /api/notifications/{id}", "/api/notifications/{notification}"),
		Map.entry("GET /api/notifications/{id}/notified",
				"/api/notifications/{notification}/notified?party=syria-government&before=2100-01-01T00:00:00Z"),
		Map.entry("GET /api/agreements/{id}", "/api/agreements/syria-arrangement-2016-09"),
		Map.entry("GET /api/agreements/{id}/zones", "/api/agreements/syria-arrangement-2016-09/zones"),
		Map.entry("GET /api/agreements/{id}/mingled", "/api/agreements/syria-arrangement-2016-09/mingled"),
		Map.entry("GET /api/agreements/{id}/outcomes", "/api/agreements/aleppo-pause-2016-10/outcomes"),
		Map.entry("GET /api/agreements/{id}/incident-outcomes", "/api/agreements/aleppo-pause-2016-10/incident-outcomes"),
		Map.entry("GET /api/agreements/{id}/clock",
				"/api/agreements/syria-arrangement-2016-09/clock?at=2016-09-14T00:00:00Z"),
		Map.entry("GET /api/boundaries/{pcode}", "/api/boundaries/SY02"),
		Map.entry("GET /api/actors/resolve", "/api/actors/resolve?name=Russia"),
		Map.entry("GET /api/places", "/api/places?q=a"),
		Map.entry("GET /api/control-areas", "/api/control-areas"),
		Map.entry("GET /api/exports/reports", "/api/exports/reports?format=csv"),
		Map.entry("GET /api/exports/findings", "/api/exports/findings?agreement=aleppo-pause-2016-10"),
		Map.entry("GET /api/webhooks/{id}/deliveries", "/api/webhooks/" + UUID.randomUUID() + "/deliveries"),
		Map.entry("GET /api/determinations/{id}", "/api/determinations/" + UUID.randomUUID()),
		Map.entry("GET /api/bulletins/{id}", "/api/bulletins/" + UUID.randomUUID()),
		Map.entry("GET /api/bulletins/{id}/bulletin.json", "/api/bulletins/" + UUID.randomUUID() + "/bulletin.json"),
		Map.entry("GET /ledger/entries", "/ledger/entries?start=0&end=" + CAP),
		Map.entry("GET /ledger/proof/inclusion", "/ledger/proof/inclusion?index=0&size=2"),
		Map.entry("GET /ledger/proof/consistency", "/ledger/proof/consistency?from=1&to=2"));
	// @formatter:on

	/**
	 * Operations left out, each with the reason: what they answer is not rows of the
	 * store.
	 */
	private static final Map<String, String> NOT_ROWS = Map.of("GET /layers/{name}.geojson",
			"a boundary file shipped in the jar, the same for everyone", "GET /api/event-types",
			"the event types fixed in the code", "GET /api/alerts/stream",
			"an event stream, bounded per user by truce.alerts.max-streams-per-user", "GET /v3/api-docs",
			"the API description");

	/**
	 * The lists of which the test stores more than {@link #CAP} rows that the reader may
	 * read: their answers must say they were cut.
	 */
	private static final Set<String> SEEDED = Set.of("GET /api/reports", "GET /api/map/reports",
			"GET /api/exports/reports", "GET /api/incidents", "GET /api/findings", "GET /api/incidents/{id}/findings",
			"GET /api/exports/findings", "GET /api/notifications", "GET /api/map/notifications", "GET /api/positions",
			"GET /api/map/positions", "GET /api/access-requests", "GET /api/besieged-areas",
			"GET /api/besieged-areas.geojson", "GET /api/incidents/{id}/rfis", "GET /api/rfis", "GET /api/actors",
			"GET /api/sources", "GET /api/users", "GET /api/agreements", "GET /api/agreements/{id}/zones",
			"GET /api/control-areas", "GET /api/movement-restrictions");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static RunningTruce truce;

	private static Http everything;

	private static final Map<String, String> ids = new HashMap<>();

	@BeforeAll
	static void aStoreWithMoreRowsOfEachKindThanTheCap() throws Exception {
		Map<String, Object> caps = new HashMap<>();
		caps.put("truce.limits.rows.default", CAP);
		for (String ownDefault : List.of("map-reports", "report-exports", "finding-exports", "incident-outcomes")) {
			caps.put("truce.limits.rows." + ownDefault, CAP);
		}
		truce = RunningTruce.sqlite(true, caps);
		ActorDirectory actors = truce.bean(ActorDirectory.class);
		actors.register(List.of(
				new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						List.of("Syrian government")),
				new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
				new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of("US")),
				new Actor("ypg", "YPG", ActorType.ARMED_GROUP, null, List.of()),
				new Actor("isis", "Islamic State", ActorType.ARMED_GROUP, null, List.of())));
		Sources sources = truce.bean(Sources.class);
		for (int i = 0; i < ROWS; i++) {
			sources.save(new Source("source-" + i, "Source " + i, SourceKind.MONITOR, Reliability.B));
		}
		AgreementFixture.load(truce, "aleppo-pause-2016-10", "syria-arrangement-2016-09",
				"aleppo-air-strike-halt-2016-10", "syria-coh-2016-02");
		String token = truce.token("admin", "co-chair:united-states", "monitor", "notifier");
		everything = truce.http().withToken(token);
		Http notifier = truce.http().withToken(truce.token("notifier"));
		for (int i = 0; i < ROWS; i++) {
			assertThat(notifier
				.postJson("/api/notifications",
						"""
								{"kind": "SITE", "name": "Clinic %d", "siteKind": "CLINIC",
								 "geometry": {"type": "Point", "coordinates": [37.15%d, 36.2]}, "parties": ["syria-government"]}"""
							.formatted(i, i))
				.status()).isEqualTo(201);
			assertThat(everything.postJson("/api/positions", """
					{"area": {"type": "Point", "coordinates": [37.2, 36.3%d]},
					 "from": "2016-09-19T00:00:00Z", "to": "2016-09-20T00:00:00Z"}""".formatted(i)).status())
				.isEqualTo(201);
			assertThat(everything.postJson("/api/movement-restrictions", """
					{"kind": "DENIAL", "at": "2016-09-14T09:00:00+03:00", "restrictedBy": "ypg",
					 "place": {"name": "Checkpoint %d", "latitude": 36.235, "longitude": 37.16},
					 "patrol": "Two armoured vehicles"}""".formatted(i)).status()).isEqualTo(201);
		}
		SubmittingReport submitting = truce.bean(SubmittingReport.class);
		String report = null;
		List<UUID> reports = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			report = submitting
				.submit(new ReportDraft("shelling_artillery_missile_attack",
						new ReportDraft.When("2016-10-2" + i + "T11:00:00+03:00", null, "EXACT"),
						new ReportDraft.Where(36.20 + 0.05 * i, 37.15, "SURVEYED", null, "Aleppo " + i, null, null),
						"Syrian government", null, null, "Shells struck.", "source-0", "capped-" + i, null),
						org.truce.report.application.Submitter.record("test"), null, "capped")
				.report()
				.id()
				.toString();
			reports.add(UUID.fromString(report));
		}
		for (UUID each : reports) {
			IncidentFixture.incidentOf(truce, each);
		}
		truce.bean(AdjudicatingIncidents.class).all();
		ids.put("{report}", report);
		String incident = IncidentFixture.incidentOf(truce, UUID.fromString(report)).id().toString();
		for (int i = 0; i < ROWS; i++) {
			truce.user("user-" + i, "monitor");
		}
		ids.put("{incident}", incident);
		for (int i = 0; i < ROWS; i++) {
			ids.put("{rfi}",
					everything
						.postJson("/api/incidents/" + incident + "/rfis",
								"""
										{"party": "syria-government", "question": "Which unit fired? %d", "deadline": "2100-01-01T00:00:00Z"}"""
									.formatted(i))
						.json()
						.get("id")
						.asString());
		}
		RequestingAccess access = truce.bean(RequestingAccess.class);
		RecordingBesiegedAreas besieged = truce.bean(RecordingBesiegedAreas.class);
		for (int i = 0; i < ROWS; i++) {
			ids.put("{access}", access
				.request(
						new RequestingAccess.NewAccessRequest(JSON
							.readTree("{\"type\": \"LineString\", \"coordinates\": [[37.13, 36.24], [37.17, 36.25]]}"),
								new RequestingAccess.Destination("Eastern Aleppo " + i, 36.21, 37.18),
								List.of(new RequestingAccess.Cargo("flour", 1.0, "t")), 10L,
								List.of("syria-government"), "2016-09-15T06:00:00+03:00", "2016-09-16T06:00:00+03:00"),
						access.reader("capped", List.of(new Grant(Role.NOTIFIER, null))))
				.id()
				.toString());
			ids.put("{besieged}", besieged
				.record(new RecordingBesiegedAreas.NewArea("Area " + i, "BESIEGED",
						JSON.readTree(
								"{\"type\": \"Polygon\", \"coordinates\": [[[37.1, 36.1], [37.2, 36.1], [37.2, 36.2],"
										+ " [37.1, 36.1]]]}"),
						100L, "2016-09-15", List.of(), null), "capped")
				.id()
				.toString());
		}
		ids.put("{notification}", everything.get("/api/notifications").json().get("items").get(0).get("id").asString());
		truce.bean(Checkpointing.class).checkpoint();
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@TestFactory
	Stream<DynamicTest> everyListInTheApiDescriptionAnswersAtMostItsCapAndSaysWhenItCut() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<String, JsonNode> operation : getOperations().entrySet()) {
			String name = operation.getKey();
			if (NOT_ROWS.containsKey(name)) {
				continue;
			}
			tests.add(DynamicTest.dynamicTest(name, () -> check(name, operation.getValue())));
		}
		return tests.stream();
	}

	@Test
	void everySeededListIsAnOperationOfTheApi() {
		assertThat(getOperations().keySet()).containsAll(SEEDED);
	}

	private static void check(String operation, JsonNode description) {
		String path = operation.substring("GET ".length());
		String sample = SAMPLES.getOrDefault(operation, path);
		for (Map.Entry<String, String> id : ids.entrySet()) {
			sample = sample.replace(id.getKey(), id.getValue());
		}
		assertThat(sample).as("%s has path parameters: give a sample request in SAMPLES", operation)
			.doesNotContain("{");
		Http.Response response = everything.get(sample);
		assertThat(response.status()).as("%s: %s", sample, response).isLessThan(500);
		Integer rows = rows(response);
		if (rows == null) {
			assertThat(SEEDED).as("%s answered no list: %s", sample, response).doesNotContain(operation);
			return;
		}
		assertThat(response.headers().firstValue(RowCaps.CAP))
			.as("%s answers a list of %d without a cap (Truce-Row-Cap): give it one with RowCaps", operation, rows)
			.isPresent();
		int cap = Integer.parseInt(response.headers().firstValue(RowCaps.CAP).orElseThrow());
		assertThat(cap).as("%s: the cap set for the test", operation).isLessThanOrEqualTo(CAP);
		assertThat(rows).as("%s answers at most its cap", operation).isLessThanOrEqualTo(cap);
		if (SEEDED.contains(operation)) {
			assertThat(response.headers().firstValue(RowCaps.TRUNCATED))
				.as("%s had more than %d rows: it says it cut them", operation, cap)
				.hasValue("true");
			assertThat(rows).isEqualTo(cap);
			if (response.contentType().contains("json") && response.json().isObject() && response.json().has("items")) {
				JsonNode body = response.json();
				assertThat(body.path("truncated").asBoolean(false) || body.hasNonNull("next"))
					.as("%s: the body says so too (truncated or next)", operation)
					.isTrue();
			}
		}
		if (hasParameter(description, "limit")) {
			Http.Response over = everything.get(sample + (sample.contains("?") ? "&" : "?") + "limit=" + (cap + 1));
			assertThat(over.status()).as("%s asking for more than the cap: %s", operation, over).isEqualTo(400);
			assertThat(over.code()).isEqualTo("INVALID_QUERY");
		}
	}

	@Test
	void askingTheLedgerForMoreEntriesThanTheCapIsRefused() {
		Http.Response over = everything.get("/ledger/entries?start=0&end=" + (CAP + 1));
		assertThat(over.status()).as("%s", over).isEqualTo(400);
		assertThat(over.code()).isEqualTo("INVALID_QUERY");
	}

	/** How many rows a list answer holds, or null when it is not a list. */
	private static Integer rows(Http.Response response) {
		if (response.status() != 200) {
			return null;
		}
		if (response.contentType().startsWith("text/csv")) {
			return (int) response.body().lines().filter(line -> !line.isBlank()).count() - 1;
		}
		if (!response.contentType().contains("json")) {
			return null;
		}
		JsonNode body = response.json();
		if (body.isArray()) {
			return body.size();
		}
		if (body.isObject() && body.path("items").isArray()) {
			return body.get("items").size();
		}
		if (body.isObject() && body.path("features").isArray()) {
			return body.get("features").size();
		}
		if (body.isObject() && !body.isEmpty()
				&& body.propertyNames().stream().allMatch(key -> UUID_TEXT.matcher(key).matches())) {
			return body.size();
		}
		return null;
	}

	private static boolean hasParameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (name.equals(parameter.path("name").asString())) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, JsonNode> getOperations() {
		JsonNode paths = JSON.readTree(truce.http().get("/v3/api-docs").body()).get("paths");
		Map<String, JsonNode> out = new TreeMap<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (operation.getKey().equalsIgnoreCase("get")) {
					out.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), operation.getValue());
				}
			}
		}
		return out;
	}

}
