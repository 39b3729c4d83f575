package org.truce.report.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.incident.application.Incidents;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.report.web.ReportApiContract.assertProblem;
import static org.truce.report.web.ReportDrafts.convoyStrike;
import static org.truce.report.web.ReportDrafts.minimal;
import static org.truce.report.web.ReportDrafts.with;

/**
 * {@code POST /api/reports/batch} over real HTTP, as a client sees it; each subclass runs
 * it on one store. The server takes at most {@value #LIMIT} reports a batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportBatchContract {

	static final int LIMIT = 12;

	/**
	 * Small batches, and the background clustering on: it hears of a new report only from
	 * its announcement.
	 */
	static final Map<String, Object> SMALL_BATCHES = Map.of("truce.limits.batch-reports", LIMIT,
			"truce.clustering.background", "true");

	private static final String NDJSON = "application/x-ndjson";

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Http monitor;

	abstract RunningTruce start();

	@BeforeAll
	void startServer() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopServer() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyRecordWithSourcesAndActors() {
		this.truce = this.started.get();
		this.monitor = this.truce.http("monitor");
		this.truce.wipe();
		Sources sources = this.truce.bean(Sources.class);
		sources.save(ReportFixture.ucdp());
		sources.save(ReportFixture.monitor());
		this.truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government"))));
	}

	// ---------------------------------------------------------------- outcomes

	@Test
	void eachItemHasItsOutcomeInOrderAndTheValidOnesAreStoredWhateverTheOthers() {
		List<ObjectNode> drafts = List.of(convoyStrike(), with(convoyStrike(), "eventType", "\"picnic\""),
				minimal("armed_clash", "2016-09-19", 36.2, 37.1),
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "when.start", "\"yesterday\""),
				with(minimal("armed_clash", "2016-09-20", 36.2, 37.1), "colour", "\"red\""),
				with(minimal("armed_clash", "2016-09-20", 36.2, 37.1), "where.latitude", "\"north\""),
				with(minimal("armed_clash", "2016-09-20", 36.2, 37.1), "where.latitude", "91"));
		long ledgerBefore = reportEntries();

		Http.Response response = ndjson(this.monitor, drafts);

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(statuses(body)).containsExactly("created", "rejected", "created", "rejected", "rejected", "rejected",
				"rejected");
		for (int i = 0; i < drafts.size(); i++) {
			assertThat(body.at("/items/" + i + "/index").asInt()).isEqualTo(i);
		}
		assertThat(body.get("created").asInt()).isEqualTo(2);
		assertThat(body.get("rejected").asInt()).isEqualTo(5);
		assertThat(body.get("replayed").asInt()).isZero();
		// A refused item has the problem a single POST of it gets: the same code, field
		// and status.
		for (int i : new int[] { 1, 3, 4, 5, 6 }) {
			JsonNode problem = body.at("/items/" + i + "/problem");
			Http.Response single = this.monitor.postJson("/api/reports", drafts.get(i).toString());
			assertThat(single.status()).as("%s", single).isNotEqualTo(201);
			assertThat(problem.get("code").asString()).as("item %d: %s", i, problem).isEqualTo(single.code());
			assertThat(problem.get("field").asString()).isEqualTo(single.field());
			assertThat(problem.get("status").asInt()).isEqualTo(single.status());
		}
		assertThat(body.at("/items/1/problem/code").asString()).isEqualTo("UNKNOWN_EVENT_TYPE");
		assertThat(body.at("/items/3/problem/field").asString()).isEqualTo("when.start");
		assertThat(body.at("/items/4/problem/code").asString()).isEqualTo("UNKNOWN_FIELD");
		assertThat(body.at("/items/5/problem/code").asString()).isEqualTo("WRONG_TYPE");
		assertThat(body.at("/items/6/problem/code").asString()).isEqualTo("LATITUDE_OUT_OF_RANGE");
		// Each stored report reads back at its location, with its ledger entry.
		JsonNode first = this.monitor.get(body.at("/items/0/location").asString()).json();
		assertThat(first.get("id").asString()).isEqualTo(body.at("/items/0/id").asString());
		assertThat(first.at("/actor/actorId").asString()).isEqualTo("russia");
		assertThat(first.get("externalId").asString()).isEqualTo("m-0001");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(2);
		assertThat(reportEntries()).isEqualTo(ledgerBefore + 2);
		for (String id : List.of(body.at("/items/0/id").asString(), body.at("/items/2/id").asString())) {
			assertThat(this.truce.bean(Ledger.class).indexOf("report", id)).as(id).isPresent();
		}
	}

	@Test
	void aJsonArrayIsTakenAsNdjsonIs() {
		List<ObjectNode> drafts = List.of(minimal("armed_clash", "2016-09-19", 36.2, 37.1),
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "where", "null"),
				minimal("air_drone_strike", "2016-09-21", 35.9, 36.6));

		Http.Response response = array(this.monitor, drafts);

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(statuses(response.json())).containsExactly("created", "rejected", "created");
		assertThat(response.json().at("/items/1/problem/code").asString()).isEqualTo("FIELD_REQUIRED");
		assertThat(response.json().at("/items/1/problem/field").asString()).isEqualTo("where");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(2);
	}

	@Test
	void theReportsOfABatchAreClusteredAsSingleOnesAre() throws InterruptedException {
		Http.Response response = ndjson(this.monitor, List.of(convoyStrike()));
		UUID id = UUID.fromString(response.json().at("/items/0/id").asString());

		// The background clustering hears of a new report only from its announcement.
		Incidents incidents = this.truce.bean(Incidents.class);
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (incidents.incidentOf(List.of(id)).get(id) == null && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(incidents.incidentOf(List.of(id))).containsKey(id);
	}

	// ---------------------------------------------------------------- idempotency

	@Test
	void replayingABatchUnderItsKeyStoresNothingTwiceAndAnswersTheFirstIds() {
		List<ObjectNode> drafts = List.of(minimal("armed_clash", "2016-09-19", 36.2, 37.1),
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "eventType", "\"picnic\""),
				minimal("air_drone_strike", "2016-09-21", 35.9, 36.6));
		Http.Response first = ndjson(this.monitor, drafts, "Idempotency-Key", "sync-42");
		long ledger = reportEntries();

		// The same batch again, even as an array: the client timed out and retries.
		Http.Response again = array(this.monitor, drafts, "Idempotency-Key", "sync-42");

		assertThat(statuses(first.json())).containsExactly("created", "rejected", "created");
		assertThat(statuses(again.json())).containsExactly("replayed", "rejected", "replayed");
		assertThat(ids(again.json())).isEqualTo(ids(first.json()));
		assertThat(again.json().at("/items/0/location").asString())
			.isEqualTo(first.json().at("/items/0/location").asString());
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(2);
		assertThat(reportEntries()).isEqualTo(ledger);
	}

	@Test
	void theBatchKeyWithOtherContentAtAnIndexIsRefusedForThatItemOnly() {
		ndjson(this.monitor, List.of(minimal("armed_clash", "2016-09-19", 36.2, 37.1),
				minimal("armed_clash", "2016-09-20", 36.2, 37.1)), "Idempotency-Key", "sync-43");

		Http.Response changed = ndjson(this.monitor, List.of(minimal("armed_clash", "2016-09-19", 36.2, 37.1),
				minimal("armed_clash", "2016-09-22", 36.2, 37.1), minimal("armed_clash", "2016-09-23", 36.2, 37.1)),
				"Idempotency-Key", "sync-43");

		assertThat(statuses(changed.json())).containsExactly("replayed", "rejected", "created");
		assertThat(changed.json().at("/items/1/problem/code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(changed.json().at("/items/1/problem/field").asString()).isEqualTo("Idempotency-Key");
		assertThat(changed.json().at("/items/1/problem/status").asInt()).isEqualTo(422);
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(3);
	}

	@Test
	void anItemsOwnKeyNamesItWhereverItIsInTheBatch() {
		ObjectNode a = keyed(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "device-7/1");
		ObjectNode b = keyed(minimal("armed_clash", "2016-09-20", 36.2, 37.1), "device-7/2");
		Http.Response first = ndjson(this.monitor, List.of(a, b));
		ObjectNode c = keyed(minimal("armed_clash", "2016-09-21", 36.2, 37.1), "device-7/3");
		ObjectNode changedA = keyed(minimal("armed_clash", "2016-10-01", 36.2, 37.1), "device-7/1");

		// A later sync resends b, first now, a new c, and a changed a.
		Http.Response second = array(this.monitor, List.of(b, c, changedA));

		assertThat(statuses(first.json())).containsExactly("created", "created");
		assertThat(statuses(second.json())).containsExactly("replayed", "created", "rejected");
		assertThat(second.json().at("/items/0/id").asString()).isEqualTo(first.json().at("/items/1/id").asString());
		assertThat(second.json().at("/items/2/problem/code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(second.json().at("/items/2/problem/field").asString()).isEqualTo("idempotencyKey");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(3);
	}

	@Test
	void theSameKeyTwiceInOneBatchStoresOnce() {
		ObjectNode a = keyed(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "twice");
		ObjectNode other = keyed(minimal("armed_clash", "2016-09-25", 36.2, 37.1), "twice");

		Http.Response response = ndjson(this.monitor, List.of(a, a, other));

		assertThat(statuses(response.json())).containsExactly("created", "replayed", "rejected");
		assertThat(response.json().at("/items/1/id").asString())
			.isEqualTo(response.json().at("/items/0/id").asString());
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(1);
	}

	@Test
	void keysArePerUser() {
		List<ObjectNode> drafts = List.of(keyed(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "k"),
				minimal("armed_clash", "2016-09-20", 36.2, 37.1));
		Http.Response mine = ndjson(this.monitor, drafts, "Idempotency-Key", "shared");

		Http.Response theirs = ndjson(this.truce.http("monitor"), drafts, "Idempotency-Key", "shared");

		assertThat(statuses(theirs.json())).containsExactly("created", "created");
		assertThat(ids(theirs.json())).doesNotContainAnyElementsOf(ids(mine.json()));
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(4);
	}

	@Test
	void anItemKeyThatIsNoKeyIsRefusedForThatItem() {
		ObjectNode blank = minimal("armed_clash", "2016-09-19", 36.2, 37.1);
		blank.put("idempotencyKey", " ");
		ObjectNode number = minimal("armed_clash", "2016-09-19", 36.2, 37.1);
		number.put("idempotencyKey", 7);

		Http.Response response = ndjson(this.monitor,
				List.of(blank, number, minimal("armed_clash", "2016-09-19", 36.2, 37.1)));

		assertThat(statuses(response.json())).containsExactly("rejected", "rejected", "created");
		assertThat(response.json().at("/items/0/problem/code").asString()).isEqualTo("INVALID_VALUE");
		assertThat(response.json().at("/items/1/problem/field").asString()).isEqualTo("idempotencyKey");
	}

	// ---------------------------------------------------------------- refused whole

	@Test
	void aBatchOverTheLimitIsRefusedWholeAndNothingIsStored() {
		List<ObjectNode> drafts = new ArrayList<>();
		for (int i = 0; i <= LIMIT; i++) {
			drafts.add(minimal("armed_clash", "2016-09-19", 36.2, 37.1 + i / 1000.0));
		}

		assertProblem(ndjson(this.monitor, drafts), 413, "BATCH_TOO_LARGE", "items");
		assertProblem(array(this.monitor, drafts), 413, "BATCH_TOO_LARGE", "items");
		assertThat(ndjson(this.monitor, drafts).json().get("detail").asString()).contains(Integer.toString(LIMIT));
		assertThat(this.truce.bean(Reports.class).count()).isZero();
		// The limit itself is allowed.
		assertThat(statuses(ndjson(this.monitor, drafts.subList(0, LIMIT)).json())).hasSize(LIMIT)
			.containsOnly("created");
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedWholeNamingTheLineOfNdjson() {
		String good = minimal("armed_clash", "2016-09-19", 36.2, 37.1).toString();
		Http.Response line = post(this.monitor, NDJSON, good + "\n\n" + good + "\n{\"eventType\": \n" + good + "\n");
		Http.Response notJson = post(this.monitor, "application/json", "[" + good + ", {oops}]");
		Http.Response object = post(this.monitor, "application/json", good);
		Http.Response twoValues = post(this.monitor, "application/json", "[" + good + "] []");
		Http.Response empty = post(this.monitor, "application/json", "");

		assertProblem(line, 400, "MALFORMED_JSON", "line 4");
		assertThat(line.json().get("detail").asString()).contains("line 4");
		assertProblem(notJson, 400, "MALFORMED_JSON", null);
		assertProblem(object, 400, "WRONG_TYPE", "(body)");
		assertProblem(twoValues, 400, "MALFORMED_JSON", null);
		assertProblem(empty, 400, "MALFORMED_JSON", null);
		assertProblem(post(this.monitor, "text/plain", good), 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type");
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	@Test
	void aBatchMayBeLargerThanOtherBodiesButNotWithoutBound() {
		String good = minimal("armed_clash", "2016-09-19", 36.2, 37.1).toString();
		// Blank lines are skipped: over a megabyte (every other body's limit) of them.
		String padding = " ".repeat(2 << 20);

		Http.Response large = post(this.monitor, NDJSON, good + "\n" + padding + "\n" + good);
		Http.Response tooLarge = post(this.monitor, NDJSON, good + "\n" + padding.repeat(5) + "\n" + good);

		assertThat(statuses(large.json())).as("%s", large.status()).containsExactly("created", "created");
		assertProblem(tooLarge, 413, "BODY_TOO_LARGE", null);
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- who may submit

	@Test
	void whoMayNotSubmitOneReportMaySubmitNoBatch() {
		List<ObjectNode> drafts = List.of(minimal("armed_clash", "2016-09-19", 36.2, 37.1));

		assertProblem(ndjson(this.truce.http("co-chair:russia"), drafts), 403, "FORBIDDEN", null);
		assertProblem(ndjson(this.truce.http("notifier"), drafts), 403, "FORBIDDEN", null);
		assertProblem(ndjson(this.truce.http(), drafts), 401, "UNAUTHENTICATED", null);
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	@Test
	void aSourceTheUserMayNotUseIsRefusedAsOneThatDoesNotExist() {
		Http liaison = this.truce.http("liaison:syria-government");
		// The monitors' own source is not a liaison's.
		List<ObjectNode> drafts = List.of(
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "source", "\"monitor-aleppo\""),
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "source", "\"no-such-source\""),
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "source", "\"monitor-aleppo\""));

		Http.Response response = ndjson(liaison, drafts);
		Http.Response single = liaison.postJson("/api/reports", drafts.get(0).toString());

		assertThat(statuses(response.json())).containsExactly("rejected", "rejected", "rejected");
		assertThat(response.json().at("/items/0/problem")).isEqualTo(response.json().at("/items/1/problem"));
		assertThat(response.json().at("/items/0/problem/code").asString()).isEqualTo("UNKNOWN_SOURCE")
			.isEqualTo(single.code());
		assertThat(response.json().at("/items/0/problem/detail").asString())
			.isEqualTo(single.json().get("detail").asString());
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	/** The ledger's entries of reports (the clustering adds its own as it goes). */
	private long reportEntries() {
		return this.truce.jdbc()
			.sql("SELECT count(*) FROM ledger_entries WHERE kind = 'report'")
			.query(Long.class)
			.single();
	}

	private static ObjectNode keyed(ObjectNode draft, String key) {
		ObjectNode copy = draft.deepCopy();
		copy.put("idempotencyKey", key);
		return copy;
	}

	private static Http.Response ndjson(Http http, List<ObjectNode> drafts, String... headers) {
		return post(http, NDJSON, drafts.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n",
				headers);
	}

	private static Http.Response array(Http http, List<ObjectNode> drafts, String... headers) {
		return post(http, "application/json",
				drafts.stream().map(Object::toString).collect(Collectors.joining(",\n ", "[", "]")), headers);
	}

	private static Http.Response post(Http http, String contentType, String body, String... headers) {
		return http.post("/api/reports/batch", contentType, body.getBytes(StandardCharsets.UTF_8), false, headers);
	}

	private static List<String> statuses(JsonNode body) {
		List<String> out = new ArrayList<>();
		body.get("items").forEach(item -> out.add(item.get("status").asString()));
		return out;
	}

	private static List<String> ids(JsonNode body) {
		List<String> out = new ArrayList<>();
		body.get("items").forEach(item -> out.add(item.has("id") ? item.get("id").asString() : null));
		return out;
	}

}
