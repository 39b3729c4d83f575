package org.truce.rfi.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests for information over HTTP, against a running server: a co-chair asks the
 * Syrian government about a strike near Aleppo; only that party's liaison may answer, and
 * only once; overdue requests are listed; and the counts by requesting side and party
 * make a complaint of unanswered requests checkable.
 */
class AskingAPartyAndHearingBackTest {

	private static RunningTruce truce;

	private static Http usCoChair;

	private static Http ruCoChair;

	private static Http monitor;

	private static Http syriaLiaison;

	private static Http airForceLiaison;

	private static Http oppositionLiaison;

	private static Http notifier;

	private UUID incident;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		registerActors();
		usCoChair = truce.http("co-chair:united-states");
		ruCoChair = truce.http("co-chair:russia");
		monitor = truce.http("monitor");
		syriaLiaison = truce.http("liaison:syria-government");
		airForceLiaison = truce.http("liaison:syrian-air-force");
		oppositionLiaison = truce.http("liaison:free-syrian-army");
		notifier = truce.http("notifier");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@BeforeEach
	void anIncidentNearAleppo() {
		truce.wipe();
		registerActors();
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
					"Government of Syria", null, null, "Shells struck the old city.", "monitors",
					"rfi-" + UUID.randomUUID(), null), org.truce.report.application.Submitter.record("test"), null,
					"rfi-test")
			.report()
			.id();
		this.incident = IncidentFixture.incidentOf(truce, report).id();
	}

	private static void registerActors() {
		truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, null),
					new Actor("syrian-air-force", "Syrian Arab Air Force", ActorType.STATE_FORCE, "syria-government",
							null),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, null),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, null),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, null)));
	}

	private static String rfi(String party, String question, Instant deadline) {
		return "{\"party\": \"" + party + "\", \"question\": \"" + question + "\", \"deadline\": \"" + deadline + "\"}";
	}

	private Http.Response send(Http who, String party, Instant deadline, String... headers) {
		return who.postJson("/api/incidents/" + this.incident + "/rfis",
				rfi(party, "Which unit fired on the old city on 21 October?", deadline), headers);
	}

	private static Instant inADay() {
		return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void aCoChairSendsARequestWithADeadlineAndItIsALedgerEntry() {
		Instant deadline = inADay();

		Http.Response sent = send(usCoChair, "syria-government", deadline);

		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		JsonNode body = sent.json();
		assertThat(sent.location()).hasValue("/api/rfis/" + body.get("id").asString());
		assertThat(body.get("incident").asString()).isEqualTo(this.incident.toString());
		assertThat(body.get("party").asString()).isEqualTo("syria-government");
		assertThat(body.get("requestedBySide").asString()).isEqualTo("united-states");
		assertThat(Instant.parse(body.get("deadline").asString())).isEqualTo(deadline);
		assertThat(body.get("state").asString()).isEqualTo("OPEN");
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(monitor.get("/api/rfis/" + body.get("id").asString()).status()).isEqualTo(200);
		String entry = entry("rfi-sent", body.get("id").asString());
		assertThat(entry).contains("\"kind\":\"rfi-sent\"", body.get("id").asString(), this.incident.toString(),
				"syria-government", deadline.toString(), body.get("requestedBy").asString(),
				body.get("questionCommitment").asString());
		assertThat(entry).as("the ledger, open to all, holds only a commitment to the question")
			.doesNotContain("old city");
		assertThat(body.get("questionCommitment").asString())
			.isEqualTo(SaltedCommitment.of(body.get("questionSalt").asString(), body.get("question").asString()));
	}

	@Test
	void badRequestsAreRefusedNamingTheField() {
		Http.Response past = send(monitor, "syria-government", Instant.now().minusSeconds(60));
		Http.Response unknownParty = send(monitor, "nobody-at-all", inADay());
		Http.Response noQuestion = monitor.postJson("/api/incidents/" + this.incident + "/rfis",
				"{\"party\": \"syria-government\", \"deadline\": \"" + inADay() + "\"}");
		Http.Response badDeadline = monitor.postJson("/api/incidents/" + this.incident + "/rfis",
				"{\"party\": \"syria-government\", \"question\": \"q\", \"deadline\": \"tomorrow\"}");
		Http.Response unknownIncident = monitor.postJson("/api/incidents/" + UUID.randomUUID() + "/rfis",
				rfi("syria-government", "q", inADay()));
		Http.Response byLiaison = send(syriaLiaison, "syria-government", inADay());

		assertThat(past.status()).isEqualTo(422);
		assertThat(past.code()).isEqualTo("DEADLINE_NOT_IN_FUTURE");
		assertThat(past.field()).isEqualTo("deadline");
		assertThat(unknownParty.status()).isEqualTo(422);
		assertThat(unknownParty.code()).isEqualTo("UNKNOWN_ACTOR");
		assertThat(unknownParty.field()).isEqualTo("party");
		assertThat(noQuestion.status()).isEqualTo(422);
		assertThat(noQuestion.code()).isEqualTo("FIELD_REQUIRED");
		assertThat(noQuestion.field()).isEqualTo("question");
		assertThat(badDeadline.status()).isEqualTo(422);
		assertThat(badDeadline.field()).isEqualTo("deadline");
		assertThat(unknownIncident.status()).isEqualTo(404);
		assertThat(unknownIncident.isProblem()).isTrue();
		assertThat(byLiaison.status()).isEqualTo(403);
		assertThat(byLiaison.isProblem()).isTrue();
		assertThat(monitor.get("/api/rfis").json().get("items")).isEmpty();
	}

	@Test
	void onlyTheLiaisonOfThePartyAskedAnswersAndOnlyOnce() {
		String id = send(ruCoChair, "syrian-air-force", inADay()).json().get("id").asString();
		String answer = "{\"answer\": \"No aircraft of ours flew over Aleppo that day.\", \"version\": 1}";

		Http.Response otherParty = oppositionLiaison.postJson("/api/rfis/" + id + "/answer", answer);
		Http.Response staff = monitor.postJson("/api/rfis/" + id + "/answer", answer);
		Http.Response otherPartyReads = oppositionLiaison.get("/api/rfis/" + id);
		Http.Response stale = syriaLiaison.postJson("/api/rfis/" + id + "/answer",
				"{\"answer\": \"x\", \"version\": 7}");
		// The government's liaison answers for its air force: the air force is of its
		// side.
		Http.Response answered = syriaLiaison.postJson("/api/rfis/" + id + "/answer", answer);
		Http.Response twice = airForceLiaison.postJson("/api/rfis/" + id + "/answer",
				"{\"answer\": \"A second answer.\"}");

		assertThat(otherParty.status()).isEqualTo(404);
		assertThat(otherParty.isProblem()).isTrue();
		assertThat(otherPartyReads.status()).isEqualTo(404);
		assertThat(staff.status()).isEqualTo(403);
		assertThat(staff.code()).isEqualTo("FORBIDDEN");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("CONFLICT");
		assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
		assertThat(answered.json().get("state").asString()).isEqualTo("ANSWERED_ON_TIME");
		assertThat(answered.json().get("version").asInt()).isEqualTo(2);
		assertThat(answered.json().get("answer").get("text").asString())
			.isEqualTo("No aircraft of ours flew over Aleppo that day.");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.isProblem()).isTrue();
		assertThat(twice.code()).isEqualTo("RFI_ALREADY_ANSWERED");
		assertThat(truce.bean(Ledger.class).entries(0, truce.bean(Ledger.class).size()))
			.as("one entry, for the one answer recorded")
			.filteredOn(e -> e.kind().equals("rfi-answered") && e.subject().equals(id))
			.hasSize(1);
		String entry = entry("rfi-answered", id);
		assertThat(entry)
			.contains("\"kind\":\"rfi-answered\"", "\"late\":false",
					answered.json().get("answer").get("commitment").asString(),
					answered.json().get("answer").get("by").asString())
			.doesNotContain("aircraft");
		assertThat(airForceLiaison.get("/api/rfis/" + id).status()).isEqualTo(200);
		assertThat(syriaLiaison.get("/api/incidents/" + this.incident + "/rfis").json().get("items")).hasSize(1);
		assertThat(notifier.get("/api/rfis/" + id).status()).isEqualTo(403);
	}

	@Test
	void aReplayWithTheSameIdempotencyKeyReturnsTheSameRequestAndSendsNoSecond() {
		Instant deadline = inADay();

		Http.Response first = send(monitor, "syria-government", deadline, "Idempotency-Key", "ask-once");
		Http.Response replay = send(monitor, "syria-government", deadline, "Idempotency-Key", "ask-once");
		Http.Response changed = send(monitor, "russia", deadline, "Idempotency-Key", "ask-once");
		Http.Response otherSender = send(usCoChair, "syria-government", deadline, "Idempotency-Key", "ask-once");

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(changed.status()).isEqualTo(422);
		assertThat(changed.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(otherSender.status()).as("a key is the sender's own").isEqualTo(201);
		assertThat(monitor.get("/api/rfis").json().get("items")).hasSize(2);
	}

	@Test
	void overdueRequestsAreListedAndTheCountsMakeAComplaintOfUnansweredRequestsCheckable() throws Exception {
		// The United States co-chair sends four requests to the government with a short
		// deadline and one with a long one; Russia's co-chair one to the opposition.
		// The first is answered as soon as it is sent, so that it is on time even on a
		// loaded machine; the short deadline has room for the three others to be sent.
		Instant soon = Instant.now().plusSeconds(4);
		List<String> us = new ArrayList<>();
		us.add(send(usCoChair, "syria-government", soon).json().get("id").asString());
		assertThat(syriaLiaison.postJson("/api/rfis/" + us.get(0) + "/answer", "{\"answer\": \"on time\"}").status())
			.isEqualTo(200);
		for (int i = 1; i < 4; i++) {
			us.add(send(usCoChair, "syria-government", soon).json().get("id").asString());
		}
		String later = send(usCoChair, "syria-government", inADay()).json().get("id").asString();
		String toOpposition = send(ruCoChair, "free-syrian-army", inADay()).json().get("id").asString();
		waitUntil(soon.plusMillis(200));
		Http.Response late = syriaLiaison.postJson("/api/rfis/" + us.get(1) + "/answer", "{\"answer\": \"late\"}");

		assertThat(late.json().get("state").asString()).isEqualTo("ANSWERED_LATE");
		assertThat(late.json().get("answer").get("late").asBoolean()).isTrue();
		JsonNode overdue = monitor.get("/api/rfis?status=overdue").json().get("items");
		assertThat(overdue).extracting(n -> n.get("id").asString()).containsExactlyInAnyOrder(us.get(2), us.get(3));
		assertThat(overdue).allSatisfy(n -> assertThat(n.get("overdue").asBoolean()).isTrue());
		assertThat(monitor.get("/api/rfis?status=open").json().get("items")).extracting(n -> n.get("id").asString())
			.containsExactlyInAnyOrder(later, toOpposition);
		assertThat(oppositionLiaison.get("/api/rfis").json().get("items")).extracting(n -> n.get("id").asString())
			.containsExactly(toOpposition);
		assertThat(oppositionLiaison.get("/api/rfis?party=syria-government").json().get("items")).isEmpty();

		JsonNode summary = usCoChair.get("/api/rfis/summary").json();
		assertThat(tally(summary.get("bySideAndParty"), "united-states → syria-government")).containsExactly(5, 1, 1, 2,
				1);
		assertThat(tally(summary.get("bySideAndParty"), "russia → free-syrian-army")).containsExactly(1, 0, 0, 0, 1);
		assertThat(tally(summary.get("byRequestingSide"), "united-states")).containsExactly(5, 1, 1, 2, 1);
		assertThat(tally(summary.get("byParty"), "syria-government")).containsExactly(5, 1, 1, 2, 1);
		JsonNode theirs = syriaLiaison.get("/api/rfis/summary").json();
		assertThat(theirs.get("byParty")).as("a liaison counts the requests to its side only").hasSize(1);
		assertThat(tally(theirs.get("byParty"), "syria-government")).containsExactly(5, 1, 1, 2, 1);
		assertThat(monitor.get("/api/rfis?status=whenever").status()).isEqualTo(400);
	}

	private static String entry(String kind, String subject) {
		Ledger ledger = truce.bean(Ledger.class);
		long index = ledger.indexOf(kind, subject).orElseThrow();
		return ledger.entries(index, index + 1).get(0).canonicalJson();
	}

	private static List<Integer> tally(JsonNode tallies, String key) {
		for (JsonNode t : tallies) {
			if (t.get("key").asString().equals(key)) {
				return List.of(t.get("sent").asInt(), t.get("answeredOnTime").asInt(), t.get("answeredLate").asInt(),
						t.get("overdue").asInt(), t.get("open").asInt());
			}
		}
		throw new AssertionError("no tally for " + key + " in " + tallies);
	}

	private static void waitUntil(Instant instant) throws InterruptedException {
		long millis = Duration.between(Instant.now(), instant).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

}
