package org.truce.report.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.report.web.ReportDrafts.convoyStrike;
import static org.truce.report.web.ReportDrafts.minimal;
import static org.truce.report.web.ReportDrafts.with;

/**
 * The report API over real HTTP on a random port, as a client sees it. Each subclass runs
 * it on one store; every test starts from an empty record with two sources and three
 * actors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportApiContract {

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Http http;

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
		this.http = this.truce.http("monitor");
		this.truce.wipe();
		Sources sources = this.truce.bean(Sources.class);
		sources.save(ReportFixture.ucdp());
		sources.save(ReportFixture.monitor());
		this.truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("isis", "Islamic State", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null,
							List.of("ISIL", "Daesh"))));
	}

	// ---------------------------------------------------------------- submit and read

	@Test
	void aSubmittedReportIsAcknowledgedWith201ItsLocationAndTheStoredReport() {
		Http.Response response = post(convoyStrike());

		assertThat(response.status()).as("%s", response).isEqualTo(201);
		JsonNode body = response.json();
		String id = body.get("id").asString();
		assertThat(response.location()).contains("/api/reports/" + id);
		assertThat(body.at("/eventType/code").asString()).isEqualTo("air_drone_strike");
		assertThat(body.at("/when/start").asString()).isEqualTo("2016-09-19T16:30:00Z");
		assertThat(body.at("/when/end").asString()).isEqualTo("2016-09-19T17:15:00.250Z");
		assertThat(body.at("/where/latitude").asDouble()).isEqualTo(36.1456);
		assertThat(body.at("/where/precision").asString()).isEqualTo("NEAR");
		assertThat(body.at("/where/uncertaintyMetres").asDouble()).isEqualTo(25_000);
		assertThat(body.at("/actor/actorId").asString()).isEqualTo("russia");
		assertThat(body.at("/actor/asReported").asString()).isEqualTo("the Russian Federation");
		assertThat(body.at("/target/status").asString()).isEqualTo("UNRESOLVED");
		assertThat(body.at("/casualties/total/best").asInt()).isEqualTo(20);
		assertThat(body.at("/attachments/0/sha256").asString())
			.isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
		assertThat(body.at("/flags/0/code").asString()).isEqualTo("TARGET_UNRESOLVED");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(1);
	}

	@Test
	void aReportReadsBackAtItsLocationExactlyAsAcknowledged() {
		Http.Response created = post(convoyStrike());

		Http.Response read = this.http.get(created.location().orElseThrow());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.contentType()).startsWith("application/json");
		assertThat(read.json()).isEqualTo(created.json());
	}

	@Test
	void instantsAreAcknowledgedAsTheyAreStoredToTheMillisecond() {
		Http.Response created = post(with(convoyStrike(), "when.start", "\"2016-09-19T19:30:00.123456789+03:00\""));

		assertThat(created.json().at("/when/start").asString()).isEqualTo("2016-09-19T16:30:00.123Z");
		assertThat(this.http.get(created.location().orElseThrow()).json()).isEqualTo(created.json());
	}

	@Test
	void anUnknownIdIsNotFound() {
		Http.Response response = this.http.get("/api/reports/01234567-89ab-7def-8123-456789abcdef");

		assertProblem(response, 404, "NOT_FOUND", "id");
	}

	@Test
	void anIdThatIsNoUuidIsNotFound() {
		assertProblem(this.http.get("/api/reports/not-a-uuid"), 404, "NOT_FOUND", "id");
		// An encoded semicolon never reaches the controller: the firewall refuses the
		// path, still as not found.
		assertProblem(this.http.get("/api/reports/%27%3B%20DROP%20TABLE%20reports"), 404, "NOT_FOUND", null);
		assertProblem(this.http.get("/api/reports/%27%20OR%201%3D1%20--"), 404, "NOT_FOUND", "id");
	}

	// ---------------------------------------------------------------- local days

	@Test
	void aDateWithoutATimeIsThatCalendarDayInTheScenariosZone() {
		// The demo scenario keeps Asia/Damascus: UTC+3 in September 2016.
		Http.Response created = post(minimal("armed_clash", "2016-09-19", 36.2, 37.1));

		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.json().at("/when/start").asString()).isEqualTo("2016-09-18T21:00:00Z");
		assertThat(created.json().at("/when/end").asString()).isEqualTo("2016-09-19T20:59:59.999Z");
		assertThat(created.json().at("/when/precision").asString()).isEqualTo("DAY");
	}

	@Test
	void aDateIsADayInTheZoneTheReportNames() {
		Http.Response created = post(with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "when.zone", "\"UTC\""));
		Http.Response instant = post(with(with(convoyStrike(), "when.zone", "\"UTC\""), "when.end", "null"));

		assertThat(created.json().at("/when/start").asString()).isEqualTo("2016-09-19T00:00:00Z");
		assertThat(created.json().at("/when/end").asString()).isEqualTo("2016-09-19T23:59:59.999Z");
		// An instant keeps its own offset whatever the zone.
		assertThat(instant.json().at("/when/start").asString()).isEqualTo("2016-09-19T16:30:00Z");
	}

	@Test
	void aZoneThatIsNoneIsAProblemNamingTheField() {
		Http.Response response = post(
				with(minimal("armed_clash", "2016-09-19", 36.2, 37.1), "when.zone", "\"Mars/Olympus_Mons\""));

		assertProblem(response, 422, "UNKNOWN_TIME_ZONE", "when.zone");
		assertThat(response.json().get("detail").asString()).contains("'Mars/Olympus_Mons'");
	}

	@Test
	void aDateInAListFilterIsALocalDayToo() {
		// Half past midnight on the 20th in Damascus is 21:30 UTC on the 19th.
		String afterMidnight = id(post(
				with(minimal("armed_clash", "2016-09-20T00:30:00+03:00", 36.2, 37.1), "when.precision", "\"exact\"")));

		assertThat(listIds("from=2016-09-20&to=2016-09-20")).containsExactly(afterMidnight);
		assertThat(listIds("from=2016-09-19&to=2016-09-19")).isEmpty();
	}

	// ---------------------------------------------------------------- list

	@Test
	void theListFiltersByBoxCircleTimeTypeActorSourceAndAggregates() {
		String aleppo = id(
				post(with(minimal("air_drone_strike", "2016-09-19", 36.2021, 37.1343), "actor", "\"Russia\"")));
		String idlib = id(post(with(minimal("shelling_artillery_missile_attack", "2016-09-20", 35.9306, 36.6339),
				"target", "\"Daesh\"")));
		String damascus = id(
				post(with(minimal("armed_clash", "2016-02-27", 33.5138, 36.2765), "source", "\"monitor-aleppo\"")));
		String country = id(
				post(with(minimal("armed_clash", "2016-06-01", 34.8, 38.99), "where.precision", "\"country\"")));

		assertThat(listIds("bbox=36.5,35.5,37.5,36.5")).containsExactlyInAnyOrder(aleppo, idlib);
		assertThat(listIds("lat=36.2&lon=37.13&radius=5000")).containsExactly(aleppo);
		assertThat(listIds("from=2016-09-19&to=2016-09-19")).containsExactly(aleppo);
		assertThat(listIds("from=2016-09-20T00:00:00Z")).containsExactly(idlib);
		assertThat(listIds("to=2016-06-01")).containsExactlyInAnyOrder(country, damascus);
		assertThat(listIds("type=armed_clash")).containsExactlyInAnyOrder(country, damascus);
		assertThat(listIds("type=" + encode("Air/drone strike") + "&type=armed_clash"))
			.containsExactlyInAnyOrder(aleppo, country, damascus);
		assertThat(listIds("type=air_drone_strike,shelling_artillery_missile_attack")).containsExactlyInAnyOrder(aleppo,
				idlib);
		assertThat(listIds("actor=russia")).containsExactly(aleppo);
		assertThat(listIds("actor=" + encode("Russian Federation"))).containsExactly(aleppo);
		assertThat(listIds("actor=ISIL")).containsExactly(idlib);
		assertThat(listIds("source=monitor-aleppo")).containsExactly(damascus);
		assertThat(listIds("excludeAggregates=true")).containsExactlyInAnyOrder(aleppo, idlib, damascus);
		assertThat(listIds("")).containsExactly(idlib, aleppo, country, damascus);
	}

	@Test
	void followingNextVisitsEveryReportOnceNewestFirstAndTheLastPageHasNoNext() {
		List<String> posted = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			// Pairs share a day, so pages split ties.
			posted.add(id(post(minimal("armed_clash", "2016-03-%02d".formatted(1 + i / 2), 35, 37))));
		}
		List<String> expected = new ArrayList<>();
		for (int i = posted.size() - 1; i >= 0; i--) {
			expected.add(posted.get(i));
		}

		List<String> seen = new ArrayList<>();
		String query = "/api/reports?limit=3";
		int pages = 0;
		while (true) {
			Http.Response page = this.http.get(query);
			assertThat(page.status()).as("%s", page).isEqualTo(200);
			JsonNode body = page.json();
			body.get("items").forEach(item -> seen.add(item.get("id").asString()));
			pages++;
			if (!body.has("next")) {
				assertThat(body.get("items").size()).isLessThanOrEqualTo(3);
				break;
			}
			assertThat(body.get("next").isString()).as("next is a cursor, not null: %s", body).isTrue();
			query = "/api/reports?limit=3&cursor=" + body.get("next").asString();
		}

		assertThat(seen).containsExactlyElementsOf(expected);
		assertThat(pages).isEqualTo(4);
	}

	// ---------------------------------------------------------------- idempotency

	@Test
	void replayingARequestWithItsIdempotencyKeyAnswers200WithTheSameReportAndStoresNothing() {
		Http.Response first = post(convoyStrike(), "Idempotency-Key", "monitor-7/2016-09-19/1");
		Http.Response replay = post(convoyStrike(), "Idempotency-Key", "monitor-7/2016-09-19/1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
		assertThat(replay.location()).isEqualTo(first.location());
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(1);
	}

	@Test
	void concurrentRequestsWithOneIdempotencyKeyStoreOneReport() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Http.Response>> futures = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				futures.add(pool.submit(() -> post(convoyStrike(), "Idempotency-Key", "burst")));
			}
			List<Integer> statuses = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			for (Future<Http.Response> f : futures) {
				Http.Response r = f.get();
				statuses.add(r.status());
				ids.add(r.json().get("id").asString());
			}

			assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
			assertThat(ids).hasSize(1);
			assertThat(this.truce.bean(Reports.class).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void reusingAnIdempotencyKeyForAnotherReportIsRefused() {
		post(convoyStrike(), "Idempotency-Key", "k-1");

		Http.Response response = post(with(convoyStrike(), "narrative", "\"a different account\""), "Idempotency-Key",
				"k-1");

		assertProblem(response, 422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key");
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(1);
	}

	@Test
	void anIdempotencyKeyLongerThan200CharactersIsRefused() {
		assertProblem(post(convoyStrike(), "Idempotency-Key", "k".repeat(201)), 422, "INVALID_VALUE",
				"Idempotency-Key");
	}

	@Test
	void anIdempotencyKeyIsTheSubmittersOwnAnotherUsersRequestUnderItIsANewReport() {
		Http.Response mine = post(convoyStrike(), "Idempotency-Key", "2016-09-19/1");
		Http http = this.truce.http("monitor");

		Http.Response sameBody = http.postJson("/api/reports", convoyStrike().toString(), "Idempotency-Key",
				"2016-09-19/1");
		Http.Response otherBody = http.postJson("/api/reports",
				with(convoyStrike(), "narrative", "\"a different account\"").toString(), "Idempotency-Key",
				"2016-09-19/2");
		Http.Response otherBodyUnderMyKey = this.truce.http("monitor")
			.postJson("/api/reports", with(convoyStrike(), "narrative", "\"another account\"").toString(),
					"Idempotency-Key", "2016-09-19/1");
		Http.Response myReplay = post(convoyStrike(), "Idempotency-Key", "2016-09-19/1");

		assertThat(mine.status()).as("%s", mine).isEqualTo(201);
		assertThat(sameBody.status()).as("%s", sameBody).isEqualTo(201);
		assertThat(sameBody.json().get("id")).isNotEqualTo(mine.json().get("id"));
		assertThat(otherBody.status()).as("%s", otherBody).isEqualTo(201);
		assertThat(otherBodyUnderMyKey.status()).as("%s", otherBodyUnderMyKey).isEqualTo(201);
		assertThat(myReplay.status()).as("%s", myReplay).isEqualTo(200);
		assertThat(myReplay.json().get("id")).isEqualTo(mine.json().get("id"));
		assertThat(this.truce.bean(Reports.class).count()).isEqualTo(4);
	}

	// ---------------------------------------------------------------- bad bodies

	@Test
	void brokenJsonIsMalformed() {
		assertProblem(postText("{\"eventType\": \"armed_clash\", "), 400, "MALFORMED_JSON", null);
		assertProblem(postText("{\"eventType\": armed_clash}"), 400, "MALFORMED_JSON", null);
		assertProblem(postText(""), 400, "MALFORMED_JSON", null);
		assertProblem(postText("{} {}"), 400, "MALFORMED_JSON", null);
	}

	@Test
	void aValueOfTheWrongTypeNamesItsFieldPath() {
		assertProblem(post(with(convoyStrike(), "where.latitude", "\"north\"")), 400, "WRONG_TYPE", "where.latitude");
		assertProblem(post(with(convoyStrike(), "when", "[1, 2]")), 400, "WRONG_TYPE", "when");
		assertProblem(post(with(convoyStrike(), "casualties.total.best", "\"twenty\"")), 400, "WRONG_TYPE",
				"casualties.total.best");
		assertProblem(post(with(convoyStrike(), "attachments", "[{\"sha256\": {}}]")), 400, "WRONG_TYPE",
				"attachments[0].sha256");
		assertProblem(postText("[]"), 400, "WRONG_TYPE", "(body)");
	}

	@Test
	void anUnknownFieldIsNamed() {
		assertProblem(post(with(convoyStrike(), "colour", "\"red\"")), 400, "UNKNOWN_FIELD", "colour");
		assertProblem(post(with(convoyStrike(), "where.altitude", "300")), 400, "UNKNOWN_FIELD", "where.altitude");
	}

	@Test
	void aLatitudeOutOfRangeIsRefusedForItsField() {
		assertProblem(post(with(convoyStrike(), "where.latitude", "91")), 422, "LATITUDE_OUT_OF_RANGE",
				"where.latitude");
		assertProblem(post(with(convoyStrike(), "where.longitude", "-180.5")), 422, "LONGITUDE_OUT_OF_RANGE",
				"where.longitude");
	}

	@Test
	void anIntervalEndingBeforeItStartsIsRefused() {
		assertProblem(post(with(convoyStrike(), "when.end", "\"2016-09-19T16:29:59Z\"")), 422,
				"INTERVAL_END_BEFORE_START", "when.end");
	}

	@Test
	void aTimeBeyondTheYears1To9999IsRefusedForItsField() {
		assertProblem(post(with(convoyStrike(), "when.end", "\"+999999999-12-31T23:59:59Z\"")), 422, "INVALID_VALUE",
				"when.end");
		assertProblem(post(with(convoyStrike(), "when.start", "\"-000001-01-01T00:00:00Z\"")), 422, "INVALID_VALUE",
				"when.start");
		assertProblem(post(with(convoyStrike(), "when.start", "\"0000-12-31\"")), 422, "INVALID_VALUE", "when.start");
		assertThat(post(with(with(convoyStrike(), "when.start", "\"9999-12-31\""), "when.end", "null")).status())
			.isEqualTo(201);
	}

	@Test
	void anUnknownEventTypeIsRefused() {
		assertProblem(post(with(convoyStrike(), "eventType", "\"alien invasion\"")), 422, "UNKNOWN_EVENT_TYPE",
				"eventType");
	}

	@Test
	void aReportMayNameSeveralPossiblePerpetratorsAndAnEquipmentClass() {
		Http.Response response = post(with(
				with(convoyStrike(), "whoActed", "{\"kind\": \"one_of\", \"alsoPossible\": [\"Syrian government\"]}"),
				"equipment", "\"heavy weapons\""));

		assertThat(response.status()).as("%s", response).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.at("/whoActed/kind").asString()).isEqualTo("one_of");
		assertThat(body.at("/whoActed/alsoPossible/0/actorId").asString()).isEqualTo("syria-government");
		assertThat(body.at("/whoActed/text").asString())
			.isEqualTo("one of the Russian Federation or Syrian government (not known which)");
		assertThat(body.at("/equipment/code").asString()).isEqualTo("heavy_weapons");
		assertThat(this.http.get("/api/reports/" + body.get("id").asString()).json().at("/whoActed/kind").asString())
			.isEqualTo("one_of");
	}

	@Test
	void aNarrativeKeepsTheLanguageItsSubmitterGaveOrTheOneItsScriptShowsSaidToBeDetected() {
		String arabic = "سقطت قذيفة على السوق صباحاً.";
		Http.Response stated = post(
				with(with(convoyStrike(), "narrative", "\"" + arabic + "\""), "narrativeLang", "\"AR-sy\""));
		assertThat(stated.status()).as("%s", stated).isEqualTo(201);
		assertThat(stated.json().get("narrativeLanguage").toString())
			.isEqualTo("{\"tag\":\"ar-SY\",\"detected\":false}");
		String id = stated.json().get("id").asString();
		assertThat(this.http.get("/api/reports/" + id).json().get("narrativeLanguage").toString())
			.isEqualTo("{\"tag\":\"ar-SY\",\"detected\":false}");
		assertThat(this.http.get("/reports/" + id + "/panel").body())
			.contains("<p class=\"original-text\" lang=\"ar-SY\" dir=\"auto\">" + arabic + "</p>")
			.contains("original (ar-SY)");

		Http.Response russian = post(with(convoyStrike(), "narrative", "\"Обстрел рынка утром.\""));
		assertThat(russian.json().get("narrativeLanguage").toString()).isEqualTo("{\"tag\":\"ru\",\"detected\":true}");
		assertThat(this.http.get("/reports/" + russian.json().get("id").asString() + "/panel").body())
			.contains("lang=\"ru\" dir=\"auto\">Обстрел рынка утром.</p>")
			.contains("original (ru, detected from its script, not stated)");
		Http.Response latin = post(with(convoyStrike(), "narrative", "\"Shelling of the market.\""));
		assertThat(latin.json().get("narrativeLanguage").toString()).isEqualTo("{\"tag\":\"und\",\"detected\":true}");
		Http.Response none = post(with(convoyStrike(), "narrative", "null"));
		assertThat(none.status()).isEqualTo(201);
		assertThat(none.json().path("narrativeLanguage").isMissingNode()).as("no narrative, no language").isTrue();
	}

	@Test
	void aNarrativeLanguageThatIsNoBcp47TagIsRefusedForItsField() {
		assertProblem(post(with(convoyStrike(), "narrativeLang", "\"arabic!\"")), 422, "INVALID_LANGUAGE_TAG",
				"narrativeLang");
		assertProblem(post(with(convoyStrike(), "narrativeLang", "\"\"")), 422, "INVALID_LANGUAGE_TAG",
				"narrativeLang");
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	@Test
	void whoActedAndEquipmentAreRefusedForTheirFields() {
		assertProblem(post(with(convoyStrike(), "whoActed", "{\"kind\": \"attacker\"}")), 422, "UNKNOWN_WHO_ACTED_KIND",
				"whoActed.kind");
		assertProblem(post(with(convoyStrike(), "whoActed", "{\"kind\": \"one_of\"}")), 422, "WHO_ACTED_INCONSISTENT",
				"whoActed.alsoPossible");
		assertProblem(post(with(with(convoyStrike(), "whoActed", "{\"kind\": \"either_side\"}"), "target", "null")),
				422, "WHO_ACTED_INCONSISTENT", "whoActed.kind");
		assertProblem(post(with(convoyStrike(), "equipment", "\"drones\"")), 422, "UNKNOWN_EQUIPMENT_CLASS",
				"equipment");
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	@Test
	void everyProblemOfABodyIsListed() {
		ObjectNode draft = with(with(with(convoyStrike(), "eventType", "\"alien invasion\""), "where.latitude", "91"),
				"source", "\"nobody\"");

		Http.Response response = post(draft);

		assertProblem(response, 422, "UNKNOWN_EVENT_TYPE", "eventType");
		List<String> codes = new ArrayList<>();
		response.json()
			.get("errors")
			.forEach(e -> codes.add(e.get("code").asString() + "@" + e.get("field").asString()));
		assertThat(codes).containsExactlyInAnyOrder("UNKNOWN_EVENT_TYPE@eventType",
				"LATITUDE_OUT_OF_RANGE@where.latitude", "UNKNOWN_SOURCE@source");
		assertThat(this.truce.bean(Reports.class).count()).isZero();
	}

	@Test
	void aTextWithANulCharacterIsNeverAServerError() {
		Http.Response response = post(with(convoyStrike(), "narrative", "\"before\\u0000after\""));

		assertThat(response.status()).as("%s", response).isLessThan(500);
		if (response.status() == 201) {
			assertThat(this.http.get(response.location().orElseThrow()).json().get("narrative").asString())
				.isEqualTo("before\u0000after");
		}
		else {
			assertProblem(response, 422, "INVALID_VALUE", "narrative");
		}
	}

	@Test
	void aBodyOverTheLimitIsRefusedWhenItsLengthIsDeclared() {
		Http.Response response = this.http.post("/api/reports", "application/json", oversizedBody(), false);

		assertProblem(response, 413, "BODY_TOO_LARGE", null);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWhenItArrivesInChunks() {
		Http.Response response = this.http.post("/api/reports", "application/json", oversizedBody(), true);

		assertProblem(response, 413, "BODY_TOO_LARGE", null);
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
		Http.Response response = this.http.post("/api/reports", "text/plain",
				convoyStrike().toString().getBytes(StandardCharsets.UTF_8), false);

		assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type");
		assertProblem(this.http.post("/api/reports", null, new byte[] { 1, 2 }, false), 415, "UNSUPPORTED_MEDIA_TYPE",
				"Content-Type");
	}

	// ---------------------------------------------------------------- bad requests

	@Test
	void anUnknownPathIsNotFound() {
		assertProblem(this.http.get("/api/nothing-here"), 404, "NOT_FOUND", null);
		assertProblem(
				this.http.post("/api/nothing-here", "application/json", "{}".getBytes(StandardCharsets.UTF_8), false),
				404, "NOT_FOUND", null);
	}

	@Test
	void aMethodTheResourceDoesNotTakeIsNotAllowed() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.truce.baseUri() + "/api/reports")).DELETE().build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"code\":\"METHOD_NOT_ALLOWED\"");
	}

	@Test
	void badQueryParametersAreInvalidQueriesNamingTheParameter() {
		assertProblem(this.http.get("/api/reports?bbox=1,2,3"), 400, "INVALID_QUERY", "bbox");
		assertProblem(this.http.get("/api/reports?bbox=40,30,30,40"), 400, "INVALID_QUERY", "bbox");
		assertProblem(this.http.get("/api/reports?bbox=a,b,c,d"), 400, "INVALID_QUERY", "bbox");
		assertProblem(this.http.get("/api/reports?lat=36&lon=37"), 400, "INVALID_QUERY", "radius");
		assertProblem(this.http.get("/api/reports?lat=36&lon=37&radius=-5"), 400, "INVALID_QUERY", "radius");
		assertProblem(this.http.get("/api/reports?lat=north&lon=37&radius=5"), 400, "INVALID_QUERY", "lat");
		assertProblem(this.http.get("/api/reports?lat=95&lon=37&radius=5"), 422, "LATITUDE_OUT_OF_RANGE", "lat");
		assertProblem(this.http.get("/api/reports?limit=0"), 400, "INVALID_QUERY", "limit");
		assertProblem(this.http.get("/api/reports?limit=1001"), 400, "INVALID_QUERY", "limit");
		assertProblem(this.http.get("/api/reports?limit=many"), 400, "INVALID_QUERY", "limit");
		assertProblem(this.http.get("/api/reports?from=yesterday"), 400, "INVALID_QUERY", "from");
		assertProblem(this.http.get("/api/reports?from=" + encode("+999999999-12-31T23:59:59Z")), 400, "INVALID_QUERY",
				"from");
		assertProblem(this.http.get("/api/reports?to=" + encode("-999999999-01-01T00:00:00Z")), 400, "INVALID_QUERY",
				"to");
		assertProblem(this.http.get("/api/reports?from=2016-09-20&to=2016-09-19"), 422, "INTERVAL_END_BEFORE_START",
				"to");
		assertProblem(this.http.get("/api/reports?type=alien_invasion"), 422, "UNKNOWN_EVENT_TYPE", "type");
		assertProblem(this.http.get("/api/reports?actor=nobody-we-know"), 400, "INVALID_QUERY", "actor");
		assertProblem(this.http.get("/api/reports?excludeAggregates=perhaps"), 400, "INVALID_QUERY",
				"excludeAggregates");
		assertProblem(this.http.get("/api/reports?source=uc%00dp"), 400, "INVALID_QUERY", "source");
	}

	@Test
	void aCursorThisServerDidNotIssueIsInvalid() {
		assertProblem(this.http.get("/api/reports?cursor=not-a-cursor"), 400, "INVALID_CURSOR", "cursor");
		assertProblem(this.http.get("/api/reports?cursor=" + encode("%%%")), 400, "INVALID_CURSOR", "cursor");
		String forged = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("x:y".getBytes(StandardCharsets.UTF_8));
		assertProblem(this.http.get("/api/reports?cursor=" + forged), 400, "INVALID_CURSOR", "cursor");
		String farFuture = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((Long.MAX_VALUE + ":1").getBytes(StandardCharsets.UTF_8));
		assertProblem(this.http.get("/api/reports?cursor=" + farFuture), 400, "INVALID_CURSOR", "cursor");
	}

	// ---------------------------------------------------------------- sources

	@Test
	void aSourceRegisteredAtRiskWithAContactIsListedSoToMonitors() {
		Http.Response created = this.http.postJson("/api/sources", """
				{"id": "field-7", "name": "Field monitor", "kind": "MONITOR", "reliability": "B",
				 "atRisk": true, "contact": "+963 555 0101"}""");
		Http.Response plain = this.http.postJson("/api/sources", """
				{"id": "sarc-aleppo", "name": "SARC Aleppo", "kind": "NGO"}""");

		assertThat(created.status()).as("%s", created).isEqualTo(201);
		assertThat(created.json().get("atRisk").asBoolean()).isTrue();
		assertThat(plain.json().get("atRisk").asBoolean()).isFalse();
		assertThat(plain.json().has("contact")).isFalse();
		JsonNode listed = null;
		for (JsonNode source : this.http.get("/api/sources").json()) {
			if (source.get("id").asString().equals("field-7")) {
				listed = source;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.get("atRisk").asBoolean()).isTrue();
		assertThat(listed.get("contact").asString()).isEqualTo("+963 555 0101");
	}

	@Test
	void aSourcesContactIsOneTo200Characters() {
		assertProblem(this.http.postJson("/api/sources",
				"{\"id\": \"s-1\", \"name\": \"S\", \"kind\": \"NGO\", \"contact\": \"" + "9".repeat(201) + "\"}"), 422,
				"INVALID_VALUE", "contact");
		assertProblem(
				this.http.postJson("/api/sources",
						"{\"id\": \"s-1\", \"name\": \"S\", \"kind\": \"NGO\", \"contact\": \"  \"}"),
				422, "INVALID_VALUE", "contact");
	}

	// ---------------------------------------------------------------- operations

	@Test
	void healthIsUp() {
		Http.Response response = this.http.get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theOpenApiDocumentListsTheReportsApi() {
		Http.Response response = this.http.get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().get("paths");
		assertThat(paths.has("/api/reports")).isTrue();
		assertThat(paths.get("/api/reports").has("get")).isTrue();
		assertThat(paths.get("/api/reports").has("post")).isTrue();
		assertThat(paths.has("/api/reports/{id}")).isTrue();
	}

	// ---------------------------------------------------------------- helpers

	private Http.Response post(JsonNode draft, String... headers) {
		return this.http.postJson("/api/reports", draft.toString(), headers);
	}

	private Http.Response postText(String body) {
		return this.http.postJson("/api/reports", body);
	}

	private static String id(Http.Response created) {
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<String> listIds(String query) {
		Http.Response response = this.http.get("/api/reports?" + query);
		assertThat(response.status()).as("%s -> %s", query, response).isEqualTo(200);
		assertThat(response.json().has("next")).as("one page").isFalse();
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A well-formed report whose narrative makes the body 1.5 MB, over the 1 MB limit.
	 */
	private static byte[] oversizedBody() {
		return with(convoyStrike(), "narrative", "\"" + "x".repeat(1_500_000) + "\"").toString()
			.getBytes(StandardCharsets.UTF_8);
	}

	static void assertProblem(Http.Response response, int status, String code, String field) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.isProblem()).as("problem+json: %s", response).isTrue();
		assertThat(response.code()).as("code of %s", response).isEqualTo(code);
		assertThat(response.field()).as("field of %s", response).isEqualTo(field);
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
	}

}
