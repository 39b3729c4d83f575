package org.truce.humanitarian.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.humanitarian.application.RecordingMovementRestrictions;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.adjudication.model.RecordedFindings;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.report.application.ReportRecorded;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A humanitarian convoy to eastern Aleppo along the Castello Road during the September
 * 2016 arrangement (the road its text reopened for aid, per the agreement's sources): two
 * parties concerned decide differently, the government's forces block it, and the blocked
 * request becomes an aid-obstruction report attributed to them, an incident, and a
 * finding under the arrangement's humanitarian-access term.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class AConvoyToAleppoBlockedByOnePartyTest {

	static final String CASTELLO_ROUTE = """
			{"type": "LineString", "coordinates": [[37.1276, 36.2435], [37.1330, 36.2545], [37.1400, 36.2610],
			 [37.1520, 36.2590], [37.1665, 36.2475]]}""";

	public static final String CONVOY = """
			{"route": %s,
			 "destination": {"name": "Eastern Aleppo (Tariq al-Bab)", "latitude": 36.2118, "longitude": 37.1840},
			 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"},
			           {"item": "surgical kits", "quantity": 120, "unit": "kits"}],
			 "peopleInNeed": 275000, "parties": ["syria-government", "fsa"],
			 "from": "2016-09-15T06:00:00+03:00", "to": "2016-09-16T18:00:00+03:00"}""".formatted(CASTELLO_ROUTE);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunningTruce truce;

	private Http notifier;

	private Http government;

	private Http opposition;

	private Http monitor;

	private final List<UUID> announced = new CopyOnWriteArrayList<>();

	/** The reports announced while another connection could already read them. */
	private final Set<UUID> committedWhenAnnounced = ConcurrentHashMap.newKeySet();

	@BeforeAll
	void start() throws Exception {
		this.truce = RunningTruce.sqlite(true);
		registerParties(this.truce);
		try (InputStream in = getClass().getClassLoader()
			.getResourceAsStream("scenarios/syria-2016/agreements/syria-arrangement-2016-09.yaml")) {
			assertThat(this.truce.bean(AgreementCatalogue.class)
				.load("syria-arrangement-2016-09.yaml",
						new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.errors()).isEmpty();
		}
		this.notifier = this.truce.http("notifier");
		this.government = this.truce.http("liaison:syria-government");
		this.opposition = this.truce.http("liaison:fsa");
		this.monitor = this.truce.http("monitor");
		ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
			if (e.getPayload() instanceof ReportRecorded recorded) {
				this.announced.add(recorded.report().id());
				if (committed(recorded.report().id())) {
					this.committedWhenAnnounced.add(recorded.report().id());
				}
			}
		};
		this.truce.bean(ApplicationEventMulticaster.class).addApplicationListener(listener);
	}

	/**
	 * Whether the report is committed: read on another thread, hence another connection,
	 * which sees only what was committed.
	 */
	private boolean committed(UUID report) {
		return CompletableFuture
			.supplyAsync(() -> this.truce.jdbc()
				.sql("SELECT count(*) FROM reports WHERE id = ?")
				.param(this.truce.dialect().uuid(report))
				.query(Long.class)
				.single())
			.join() == 1;
	}

	public static void registerParties(RunningTruce truce) {
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("fsa", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA")),
					new Actor("ypg", "People's Protection Units", ActorType.ARMED_GROUP, null, List.of("YPG"))));
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	@Test
	void theBlockedConvoyBecomesAnAidObstructionIncidentWithAFindingUnderTheHumanitarianAccessTerm() {
		long ledgerBefore = this.truce.bean(Ledger.class).size();
		Http.Response created = this.notifier.postJson("/api/access-requests", CONVOY);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.json().get("state").asString()).isEqualTo("PENDING");
		assertThat(created.json().get("route").get("type").asString()).isEqualTo("LineString");

		Http.Response approved = this.opposition.postJson("/api/access-requests/" + id + "/decisions",
				"{\"verdict\": \"APPROVED\", \"reasons\": \"Our checkpoints at Castello will let it through.\"}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
		Http.Response denied = this.government.postJson("/api/access-requests/" + id + "/decisions",
				"{\"verdict\": \"DENIED\", \"reasons\": \"The road is not secured.\"}");
		assertThat(denied.status()).as(denied.toString()).isEqualTo(201);
		assertThat(denied.json().get("state").asString()).isEqualTo("DENIED");
		JsonNode parties = denied.json().get("parties");
		assertThat(parties.get(0).get("party").asString()).isEqualTo("syria-government");
		assertThat(parties.get(0).get("verdict").asString()).isEqualTo("DENIED");
		assertThat(parties.get(1).get("verdict").asString()).isEqualTo("APPROVED");

		// The public ledger holds salted commitments; those who may read the request
		// get what opens them.
		JsonNode requested = publicEntries(RequestingAccess.REQUESTED, id, ledgerBefore).get(0);
		JsonNode content = created.json().get("content");
		assertThat(requested.toString()).doesNotContain("wheat flour").doesNotContain("Tariq al-Bab");
		assertThat(content.get("value").asString()).contains("wheat flour").contains("37.1276");
		assertThat(requested.get("contentCommitment").asString()).isEqualTo(content.get("commitment").asString())
			.isEqualTo(SaltedCommitment.of(content.get("salt").asString(), content.get("value").asString()))
			.isNotEqualTo(sha256(content.get("value").asString()));
		JsonNode decided = publicEntries(RequestingAccess.DECIDED, id, ledgerBefore).stream()
			.filter(b -> b.get("party").asString().equals("syria-government"))
			.findFirst()
			.orElseThrow();
		JsonNode reasons = parties.get(0).get("content");
		assertThat(reasons.get("value").asString())
			.isEqualTo("{\"conditions\":null,\"reasons\":\"The road is not secured.\"}");
		assertThat(decided.get("reasonsCommitment").asString()).isEqualTo(reasons.get("commitment").asString())
			.isEqualTo(SaltedCommitment.of(reasons.get("salt").asString(), reasons.get("value").asString()));
		assertThat(decided.toString()).as("a short reason cannot be found by hashing guesses")
			.doesNotContain(sha256(reasons.get("value").asString()))
			.doesNotContain(sha256("The road is not secured."));
		assertThat(this.truce.http().get("/api/access-requests/" + id).status()).isEqualTo(401);

		Http.Response again = this.government.postJson("/api/access-requests/" + id + "/decisions",
				"{\"verdict\": \"APPROVED\", \"reasons\": \"Changed our mind.\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ACCESS_ALREADY_DECIDED");

		Http.Response blocked = this.notifier.postJson("/api/access-requests/" + id + "/outcome",
				"""
						{"outcome": "BLOCKED", "blockedBy": "syria-government",
						 "blockedAt": {"name": "Castello Road, Layramoun roundabout", "latitude": 36.2435, "longitude": 37.1276},
						 "reason": "Turned back at the checkpoint.", "at": "2016-09-15T10:30:00+03:00"}""",
				"If-Match", "\"3\"");
		assertThat(blocked.status()).as(blocked.toString()).isEqualTo(201);
		assertThat(blocked.json().get("state").asString()).isEqualTo("BLOCKED");
		String reportId = blocked.json().get("obstructionReport").asString();

		// The outcome's entry names who blocked it in the clear, and commits to the
		// reason and the place; the request's readers get what opens it.
		JsonNode outcomeEntry = publicEntries(RequestingAccess.OUTCOME, id, ledgerBefore).get(0);
		assertThat(outcomeEntry.get("blockedBy").asString()).isEqualTo("syria-government");
		assertThat(outcomeEntry.toString()).doesNotContain("Turned back").doesNotContain("Layramoun");
		JsonNode details = this.government.get("/api/access-requests/" + id).json().get("outcome").get("content");
		assertThat(details).isEqualTo(blocked.json().get("outcome").get("content"));
		assertThat(details.get("value").asString()).isEqualTo("{\"blockedAt\":{\"latitude\":36.2435,"
				+ "\"longitude\":37.1276,\"name\":\"Castello Road, Layramoun roundabout\"},\"deliveredNote\":null,"
				+ "\"reason\":\"Turned back at the checkpoint.\"}");
		assertThat(outcomeEntry.get("detailsCommitment").asString()).isEqualTo(details.get("commitment").asString())
			.isEqualTo(SaltedCommitment.of(details.get("salt").asString(), details.get("value").asString()))
			.isNotEqualTo(sha256(details.get("value").asString()));

		JsonNode report = this.monitor.get("/api/reports/" + reportId).json();
		assertThat(report.get("eventType").toString()).contains("aid_obstruction");
		assertThat(report.toString()).contains("syria-government").contains(id);

		UUID incident = IncidentFixture.incidentOf(this.truce, UUID.fromString(reportId)).id();
		this.truce.bean(AdjudicatingIncidents.class).all();
		JsonNode findings = this.monitor.get("/api/incidents/" + incident + "/findings").json();
		JsonNode access = null;
		for (JsonNode f : findings) {
			if (f.get("term").asString().equals("syria-arrangement-2016-09/humanitarian-access")
					&& f.get("actor").asString().equals("syria-government")) {
				access = f;
			}
		}
		assertThat(access).as("a finding under the humanitarian-access term in %s", findings).isNotNull();
		assertThat(access.get("outcome").asString()).isEqualTo("VIOLATION");

		List<String> kinds = this.truce.bean(Ledger.class)
			.entries(ledgerBefore, this.truce.bean(Ledger.class).size())
			.stream()
			.map(LedgerStore.StoredEntry::kind)
			.toList();
		assertThat(kinds).contains(RequestingAccess.REQUESTED)
			.as("the outcome, its report and the link, in one transaction")
			.containsSubsequence(RequestingAccess.OUTCOME, "report", RequestingAccess.OBSTRUCTION_REPORTED);
		assertThat(this.announced).as("announced once committed, for adjudication and clustering")
			.contains(UUID.fromString(reportId));
		assertThat(this.committedWhenAnnounced).contains(UUID.fromString(reportId));
		assertThat(kinds.stream().filter(RequestingAccess.DECIDED::equals)).hasSize(2);
	}

	/**
	 * The bodies of the entries of this kind and subject from {@code start}, as the
	 * public reads them.
	 */
	private List<JsonNode> publicEntries(String kind, String subject, long start) {
		long size = this.truce.bean(Ledger.class).size();
		List<JsonNode> bodies = new ArrayList<>();
		for (JsonNode e : this.truce.http().get("/ledger/entries?start=" + start + "&end=" + size).json()) {
			if (e.get("kind").asString().equals(kind) && e.get("subject").asString().equals(subject)) {
				bodies.add(JSON.readTree(e.get("entry").asString()).get("body"));
			}
		}
		assertThat(bodies).as("%s entries of %s", kind, subject).isNotEmpty();
		return bodies;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void whenItsReportCannotBeStoredABlockedOutcomeIsNotRecordedEither() {
		String id = this.notifier.postJson("/api/access-requests", CONVOY).json().get("id").asString();
		String blocked = """
				{"outcome": "BLOCKED", "blockedBy": "syria-government", "reason": "Turned back at the checkpoint.",
				 "at": "2016-09-15T10:30:00+03:00"}""";
		Ledger ledger = this.truce.bean(Ledger.class);
		long ledgerBefore = ledger.size();
		this.announced.clear();
		// The store refuses every report of the access source, as a full disk or a broken
		// constraint would.
		this.truce.jdbc()
			.sql("CREATE TRIGGER refuse_access_reports BEFORE INSERT ON reports WHEN NEW.source_id = 'truce-access'"
					+ " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
			.update();
		Http.Response refused;
		try {
			refused = this.notifier.postJson("/api/access-requests/" + id + "/outcome", blocked);
		}
		finally {
			this.truce.jdbc().sql("DROP TRIGGER refuse_access_reports").update();
		}

		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("STORE_UNAVAILABLE");
		JsonNode unchanged = this.notifier.get("/api/access-requests/" + id).json();
		assertThat(unchanged.get("state").asString()).isEqualTo("PENDING");
		assertThat(unchanged.hasNonNull("outcome")).isFalse();
		assertThat(unchanged.hasNonNull("obstructionReport")).isFalse();
		assertThat(unchanged.get("version").asInt()).isEqualTo(1);
		assertThat(ledger.size()).as("no ledger entry of the outcome either").isEqualTo(ledgerBefore);
		assertThat(this.truce.jdbc()
			.sql("SELECT count(*) FROM reports WHERE external_id = ?")
			.param("access-request:" + id)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.announced).isEmpty();

		Http.Response retried = this.notifier.postJson("/api/access-requests/" + id + "/outcome", blocked);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
		assertThat(retried.json().hasNonNull("obstructionReport")).isTrue();
		assertThat(writtenSince(ledger, ledgerBefore)).containsExactly(RequestingAccess.OUTCOME, "report",
				RequestingAccess.OBSTRUCTION_REPORTED);
		assertThat(this.announced).containsExactly(UUID.fromString(retried.json().get("obstructionReport").asString()));
	}

	@Test
	void aLiaisonOfAnotherPartyNeitherSeesNorDecidesAndTheOutcomeIsRecordedOnce() {
		String id = this.notifier.postJson("/api/access-requests", CONVOY).json().get("id").asString();
		Http ypg = this.truce.http("liaison:ypg");

		assertThat(ypg.get("/api/access-requests/" + id).status()).isEqualTo(404);
		assertThat(ypg
			.postJson("/api/access-requests/" + id + "/decisions", "{\"verdict\": \"APPROVED\", \"reasons\": \"fine\"}")
			.status()).isEqualTo(404);
		assertThat(ypg.get("/api/access-requests").json().get("items").size()).isZero();
		Http.Response forOther = this.government.postJson("/api/access-requests/" + id + "/decisions",
				"{\"party\": \"fsa\", \"verdict\": \"DENIED\", \"reasons\": \"not theirs\"}");
		assertThat(forOther.status()).isEqualTo(403);
		assertThat(forOther.field()).isEqualTo("party");
		assertThat(this.government.get("/api/access-requests/" + id).status()).isEqualTo(200);
		assertThat(this.truce.http().get("/api/access-requests/" + id).status()).isEqualTo(401);

		Http.Response stale = this.monitor.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"DELIVERED\", \"at\": \"2016-09-15T12:00:00+03:00\"}", "If-Match", "\"7\"");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.code()).isEqualTo("STALE_VERSION");
		long ledgerBefore = this.truce.bean(Ledger.class).size();
		Http.Response partly = this.monitor.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"PARTLY_DELIVERED\", \"deliveredShare\": 0.5, \"deliveredNote\": \"20 t of flour\"}");
		assertThat(partly.status()).as(partly.toString()).isEqualTo(201);
		JsonNode note = partly.json().get("outcome").get("content");
		assertThat(note.get("value").asString()).contains("\"deliveredNote\":\"20 t of flour\"");
		JsonNode partlyEntry = publicEntries(RequestingAccess.OUTCOME, id, ledgerBefore).get(0);
		assertThat(partlyEntry.toString()).as("the public ledger holds the note only as a salted commitment")
			.doesNotContain("20 t of flour");
		assertThat(partlyEntry.get("deliveredShare").asDouble()).isEqualTo(0.5);
		assertThat(partlyEntry.get("detailsCommitment").asString())
			.isEqualTo(SaltedCommitment.of(note.get("salt").asString(), note.get("value").asString()));
		assertThat(partly.json().path("obstructionReport").isMissingNode()
				|| partly.json().get("obstructionReport").isNull())
			.isTrue();
		Http.Response twice = this.notifier.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"DELIVERED\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.code()).isEqualTo("ACCESS_OUTCOME_RECORDED");
	}

	@Test
	void badRequestsAreRefusedNamingEachField() {
		Http.Response bad = this.notifier.postJson("/api/access-requests", """
				{"route": {"type": "Point", "coordinates": [37.13, 36.24]},
				 "destination": {"name": "Eastern Aleppo", "latitude": 136.2, "longitude": 37.18},
				 "cargo": [{"item": "flour", "quantity": 0, "unit": "t"}],
				 "peopleInNeed": -5, "parties": ["syria-government", "no-such-party"],
				 "from": "2016-09-16T06:00:00+03:00", "to": "2016-09-15T06:00:00+03:00"}""");
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.isProblem()).isTrue();
		assertThat(bad.json().findValuesAsString("field")).contains("route", "destination.latitude",
				"cargo[0].quantity", "peopleInNeed", "parties[1]", "to");
		assertThat(bad.json().findValuesAsString("code")).contains("NOT_A_LINESTRING", "NEGATIVE_NUMBER",
				"UNKNOWN_ACTOR", "INTERVAL_END_BEFORE_START", "LATITUDE_OUT_OF_RANGE");

		String id = this.notifier.postJson("/api/access-requests", CONVOY).json().get("id").asString();
		Http.Response noReason = this.government.postJson("/api/access-requests/" + id + "/decisions",
				"{\"verdict\": \"CONDITIONAL\"}");
		assertThat(noReason.status()).isEqualTo(422);
		assertThat(noReason.json().findValuesAsString("field")).contains("reasons", "conditions");
		Http.Response unknownBlocker = this.notifier.postJson("/api/access-requests/" + id + "/outcome",
				"{\"outcome\": \"BLOCKED\", \"blockedBy\": \"nobody\", \"reason\": \"stopped\"}");
		assertThat(unknownBlocker.status()).isEqualTo(422);
		assertThat(unknownBlocker.field()).isEqualTo("blockedBy");
		assertThat(this.government.postJson("/api/access-requests", CONVOY).status()).isEqualTo(403);
	}

	@Test
	void besiegedAreasArePublicAndRevisedAtTheVersionRead() {
		String area = """
				{"name": "Eastern Aleppo city", "status": "BESIEGED", "population": %d, "asOf": "2016-09-15",
				 "besiegers": ["syria-government"], "sourceNote": "OCHA estimate",
				 "area": {"type": "Polygon", "coordinates": [[[37.15, 36.18], [37.22, 36.18], [37.22, 36.24],
				          [37.15, 36.24], [37.15, 36.18]]]}}""";
		Http.Response created = this.monitor.postJson("/api/besieged-areas", area.formatted(275000));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();

		JsonNode geojson = this.truce.http().get("/api/besieged-areas.geojson").json();
		assertThat(geojson.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(geojson.toString()).contains("Eastern Aleppo city").contains("275000");
		assertThat(this.truce.http().get("/api/besieged-areas/" + id).status()).isEqualTo(200);

		assertThat(this.notifier.putJson("/api/besieged-areas/" + id, area.formatted(250000), "If-Match", "\"1\"")
			.status()).isEqualTo(200);
		Http.Response stale = this.monitor.putJson("/api/besieged-areas/" + id, area.formatted(240000), "If-Match",
				"\"1\"");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.truce.http().get("/api/besieged-areas/" + id).json().get("population").asLong())
			.isEqualTo(250000);
		Http.Response negative = this.monitor.postJson("/api/besieged-areas", area.formatted(-1));
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.field()).isEqualTo("population");
	}

	@Test
	void aDelayOfAPatrolBecomesARestrictionReportAttributedToWhoDelayedIt() {
		Ledger ledger = this.truce.bean(Ledger.class);
		long ledgerBefore = ledger.size();
		Http.Response r = this.monitor.postJson("/api/movement-restrictions", """
				{"kind": "DELAY", "delayMinutes": 90, "at": "2016-09-14T09:00:00+03:00", "restrictedBy": "ypg",
				 "place": {"name": "Checkpoint north of Sheikh Maqsoud", "latitude": 36.235, "longitude": 37.16},
				 "patrol": "Two armoured vehicles, four monitors, heading to the Castello Road"}""");
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String report = r.json().get("report").asString();
		JsonNode stored = this.monitor.get("/api/reports/" + report).json();
		assertThat(stored.get("eventType").toString()).contains("restriction_of_monitors_movement");
		assertThat(stored.toString()).contains("ypg").contains(r.json().get("id").asString());
		assertThat(writtenSince(ledger, ledgerBefore))
			.as("the restriction, its report and the link, in one transaction")
			.containsExactly(RecordingMovementRestrictions.RECORDED, "report", RecordingMovementRestrictions.REPORTED);
		assertThat(this.announced).contains(UUID.fromString(report));
		assertThat(this.committedWhenAnnounced).as("announced once committed").contains(UUID.fromString(report));
		Http.Response noDuration = this.monitor.postJson("/api/movement-restrictions", """
				{"kind": "DELAY", "at": "2016-09-14T09:00:00+03:00", "restrictedBy": "ypg",
				 "place": {"name": "x", "latitude": 36.2, "longitude": 37.1}, "patrol": "p"}""");
		assertThat(noDuration.status()).isEqualTo(422);
		assertThat(noDuration.field()).isEqualTo("delayMinutes");
		assertThat(this.truce.http("liaison:ypg").get("/api/movement-restrictions").json().get("items").size())
			.isPositive();
		assertThat(this.government.get("/api/movement-restrictions").json().get("items").size()).isZero();
	}

	@Test
	void whenItsReportCannotBeStoredARestrictionIsNotRecordedEither() {
		String denial = """
				{"kind": "DENIAL", "at": "2016-09-14T11:00:00+03:00", "restrictedBy": "fsa",
				 "place": {"name": "Bridge at Tal Rifaat", "latitude": 36.47, "longitude": 37.1},
				 "patrol": "Patrol C, turned back at the bridge"}""";
		Ledger ledger = this.truce.bean(Ledger.class);
		long ledgerBefore = ledger.size();
		this.announced.clear();
		// The store refuses every report of the access source.
		this.truce.jdbc()
			.sql("CREATE TRIGGER refuse_restriction_reports BEFORE INSERT ON reports"
					+ " WHEN NEW.source_id = 'truce-access' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
			.update();
		Http.Response refused;
		try {
			refused = this.monitor.postJson("/api/movement-restrictions", denial);
		}
		finally {
			this.truce.jdbc().sql("DROP TRIGGER refuse_restriction_reports").update();
		}

		assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
		assertThat(refused.code()).isEqualTo("STORE_UNAVAILABLE");
		assertThat(restrictionsOfPatrol("Patrol C, turned back at the bridge")).as("no restriction").isZero();
		assertThat(ledger.size()).as("no ledger entry of the restriction either").isEqualTo(ledgerBefore);
		assertThat(this.truce.jdbc()
			.sql("SELECT count(*) FROM reports WHERE external_id LIKE 'movement-restriction:%' AND narrative LIKE ?")
			.param("%Patrol C%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.announced).isEmpty();

		Http.Response retried = this.monitor.postJson("/api/movement-restrictions", denial);
		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
		assertThat(restrictionsOfPatrol("Patrol C, turned back at the bridge")).isEqualTo(1);
		UUID report = UUID.fromString(retried.json().get("report").asString());
		assertThat(writtenSince(ledger, ledgerBefore)).containsExactly(RecordingMovementRestrictions.RECORDED, "report",
				RecordingMovementRestrictions.REPORTED);
		assertThat(this.announced).containsExactly(report);
	}

	private long restrictionsOfPatrol(String patrol) {
		return this.truce.jdbc()
			.sql("SELECT count(*) FROM movement_restrictions WHERE patrol = ?")
			.param(patrol)
			.query(Long.class)
			.single();
	}

	/**
	 * The kinds of the entries appended since {@code before}, but for the findings that
	 * adjudication records on its own thread whenever a new report has been judged.
	 */
	private static List<String> writtenSince(Ledger ledger, long before) {
		return ledger.entries(before, ledger.size())
			.stream()
			.map(LedgerStore.StoredEntry::kind)
			.filter(kind -> !kind.equals(RecordedFindings.KIND))
			.toList();
	}

}
