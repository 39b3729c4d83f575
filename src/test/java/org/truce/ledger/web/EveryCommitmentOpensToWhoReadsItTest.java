package org.truce.ledger.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.EntryKinds;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader may open exactly the commitments whose content it may read through the API.
 * Driven by {@link EntryKinds}: for each kind and each group it commits to, an entry of
 * that kind in the log, a reader who may read the content through the API (who gets the
 * group opened, and the opening verifies against the entry's commitment) and one who may
 * not (who is served the entry exactly as the first is, and without that disclosure: as
 * an entry that has no such disclosure is served). The records whose readers are parties
 * are made through the API, as a user would: a report about the government and the
 * opposition, the government's claim about its incident, a monitor's discount of it, a
 * convoy asked of the government, a restriction the government imposed. A group read
 * through the API by staff only gets an entry of its kind appended here, opened to a
 * monitor and to neither liaison nor the public. A kind added to {@link EntryKinds} is
 * covered as staff-only unless it is listed below, so that a context that forgets to own
 * its kind fails here (an unowned kind opens to no one, staff included).
 */
class EveryCommitmentOpensToWhoReadsItTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RunningTruce truce;

	private static Http monitor;

	private static Http government;

	private static Http opposition;

	private static Http notifier;

	private static Http anyone;

	/**
	 * By {@code kind/group}: the subject of its entry, who may read it and who may not.
	 */
	private static final Map<String, Case> CASES = new LinkedHashMap<>();

	record Case(String subject, Http reads, String readsName, Http readsNot, String readsNotName) {

	}

	@BeforeAll
	static void aRecord() {
		truce = RunningTruce.sqlite(true, Map.of("truce.ledger.checkpoint-seconds", "3600"));
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA"))));
		truce.bean(Sources.class).save(new Source("monitors", "Monitoring team", SourceKind.MONITOR, Reliability.A));
		monitor = truce.http("monitor");
		government = truce.http("liaison:syria-government");
		opposition = truce.http("liaison:free-syrian-army");
		notifier = truce.http("notifier");
		anyone = truce.http();

		Http.Response report = monitor.postJson("/api/reports", """
				{"eventType": "shelling_artillery_missile_attack", "when": {"start": "2016-10-21"},
				 "where": {"latitude": 36.21, "longitude": 37.15}, "source": "monitors",
				 "actor": "Syrian government", "target": "FSA", "narrative": "shelling"}""");
		assertThat(report.status()).as("%s", report).isEqualTo(201);
		String reportId = report.json().get("id").asString();
		for (String group : List.of("event", "location")) {
			CASES.put("report/" + group,
					new Case(reportId, opposition, "the opposition's liaison (concerned)", notifier, "a notifier"));
		}
		String incident = IncidentFixture.incidentOf(truce, UUID.fromString(reportId)).id().toString();

		Http.Response claim = government.postJson("/api/incidents/" + reportId + "/claims",
				"{\"position\": \"DENIES\", \"actor\": \"syria-government\", \"statement\": \"Not us.\"}");
		assertThat(claim.status()).as("%s", claim).isEqualTo(201);
		CASES.put("incident-claim/claim",
				new Case(incident, government, "the claiming side's liaison", opposition, "another side's liaison"));

		int version = monitor.get("/api/incidents/" + reportId).json().get("version").asInt();
		Http.Response discounted = monitor.postJson("/api/incidents/" + reportId + "/discount",
				"{\"discounted\": true, \"reason\": \"A duplicate of a press report.\"}", "If-Match",
				"\"" + version + "\"");
		assertThat(discounted.status()).as("%s", discounted).isEqualTo(200);
		CASES.put("incident-discounted/reason",
				new Case(incident, government, "a liaison who sees the incident", anyone, "the public"));

		Http.Response convoy = notifier.postJson("/api/access-requests", """
				{"route": {"type": "LineString", "coordinates": [[37.13, 36.24], [37.17, 36.25]]},
				 "destination": {"name": "Eastern Aleppo", "latitude": 36.21, "longitude": 37.18},
				 "cargo": [{"item": "wheat flour", "quantity": 40, "unit": "t"}], "peopleInNeed": 275000,
				 "parties": ["syria-government"], "from": "2016-09-15T06:00:00+03:00",
				 "to": "2016-09-16T18:00:00+03:00"}""");
		assertThat(convoy.status()).as("%s", convoy).isEqualTo(201);
		CASES.put("access-requested/window", new Case(convoy.json().get("id").asString(), government,
				"the asked party's liaison", opposition, "another party's liaison"));

		Http.Response restriction = monitor.postJson("/api/movement-restrictions", """
				{"kind": "DENIAL", "at": "2016-09-14T09:00:00+03:00", "restrictedBy": "syria-government",
				 "place": {"name": "Checkpoint 4", "latitude": 36.235, "longitude": 37.16},
				 "patrol": "Two armoured vehicles"}""");
		assertThat(restriction.status()).as("%s", restriction).isEqualTo(201);
		for (String group : List.of("place", "recorder")) {
			CASES.put("movement-restriction-recorded/" + group, new Case(restriction.json().get("id").asString(),
					government, "the restricting side's liaison", opposition, "another side's liaison"));
		}

		// Every other group is read through the API by staff only: an entry of its kind.
		Ledger ledger = truce.bean(Ledger.class);
		for (EntryKinds.Kind kind : EntryKinds.all()) {
			for (String group : kind.groups()) {
				String key = kind.name() + "/" + group;
				if (!CASES.containsKey(key)) {
					String subject = UUID.randomUUID().toString();
					ledger.append(List.of(LedgerEntry.of(kind.name(), subject, Map.of(),
							Map.of(group, Map.of("side", "syria-government", "said", "only for staff")))));
					CASES.put(key, new Case(subject, monitor, "a monitor", government, "a liaison"));
				}
			}
		}
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void eachGroupOpensToWhoReadsItsContentAndToNoOneElse() {
		List<String> wrong = new ArrayList<>();
		int cases = 0;
		for (EntryKinds.Kind kind : EntryKinds.all()) {
			for (String group : kind.groups()) {
				Case c = CASES.get(kind.name() + "/" + group);
				cases++;
				JsonNode opened = entry(c.reads(), kind.name(), c.subject());
				JsonNode closed = entry(c.readsNot(), kind.name(), c.subject());
				if (!opens(opened, group)) {
					wrong.add(kind.name() + "/" + group + " is not opened to " + c.readsName());
				}
				if (closed.get("disclosures").findValuesAsString("group").contains(group)) {
					wrong.add(kind.name() + "/" + group + " is opened to " + c.readsNotName());
				}
				ObjectNode openedEntry = (ObjectNode) opened.deepCopy();
				ObjectNode closedEntry = (ObjectNode) closed.deepCopy();
				openedEntry.remove("disclosures");
				closedEntry.remove("disclosures");
				if (!openedEntry.equals(closedEntry)) {
					wrong.add(kind.name() + "/" + group + ": " + c.readsNotName()
							+ " is served the entry otherwise than " + c.readsName() + ", beyond the disclosures: "
							+ closedEntry + " against " + openedEntry);
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(cases).as("every group of every kind").isGreaterThanOrEqualTo(20);
	}

	@Test
	void theClaimOfOneSideIsNotOpenedToTheOtherThatSeesTheIncident() {
		Case claim = CASES.get("incident-claim/claim");
		assertThat(opposition.get("/api/incidents/" + claim.subject()).status()).as("the opposition sees the incident")
			.isEqualTo(200);
		assertThat(entry(opposition, "incident-claim", claim.subject()).get("disclosures")).isEmpty();
	}

	/** The entry of this kind about this subject, as the reader is served it. */
	private static JsonNode entry(Http reader, String kind, String subject) {
		long size = truce.bean(Ledger.class).size();
		Http.Response entries = reader.get("/ledger/entries?start=0&end=" + size);
		assertThat(entries.status()).as("%s", entries).isEqualTo(200);
		JsonNode found = null;
		for (JsonNode e : entries.json()) {
			if (kind.equals(e.get("kind").asString()) && subject.equals(e.get("subject").asString())) {
				assertThat(found).as("one %s entry about %s", kind, subject).isNull();
				found = e;
			}
		}
		assertThat(found).as("a %s entry about %s", kind, subject).isNotNull();
		return found;
	}

	/** Whether the entry as served opens the group, and the opening holds. */
	private static boolean opens(JsonNode served, String group) {
		@SuppressWarnings("unchecked")
		Map<String, Object> document = JSON.readValue(served.get("entry").asString(), Map.class);
		Map<String, String> commitments = LedgerEntry.commitments((Map<?, ?>) document.get("body"));
		for (JsonNode d : served.get("disclosures")) {
			if (group.equals(d.get("group").asString())) {
				Disclosure disclosure = new Disclosure(group, d.get("salt").asString(),
						JSON.treeToValue(d.get("value"), Object.class));
				return disclosure.verify(commitments.get(group));
			}
		}
		return false;
	}

}
