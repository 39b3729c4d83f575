package org.truce.report.application;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.model.Report;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored report's ledger entry holds none of its fields in the clear: only salted
 * commitments to its event, location and source, whose disclosures are stored beside the
 * log, in the same transaction, and open them. Replaying a report stores neither a new
 * entry nor new disclosures, whether it comes through the import path or over HTTP (whose
 * entries are encoded on the request thread).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AReportsLedgerEntryHidesItsFieldsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RunningTruce truce;

	private Ledger ledger;

	@BeforeAll
	void start() {
		this.truce = RunningTruce.sqlite(true, Map.of("truce.ledger.checkpoint-seconds", "3600"));
		this.truce.bean(Sources.class).save(ReportFixture.ucdp());
		this.truce.bean(Sources.class).save(ReportFixture.monitor());
		this.ledger = this.truce.bean(Ledger.class);
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	@Test
	void theEntryHoldsOnlyCommitmentsAndItsDisclosuresOpenThem() {
		Report report = ReportFixture.airstrikeOnAidConvoyWithEveryField();
		RecordingReports recording = this.truce.bean(RecordingReports.class);
		long before = this.ledger.size();
		assertThat(recording.append(List.of(ReportFixture.keyed(report, "convoy", "d1")))).singleElement()
			.satisfies((a) -> assertThat(a.created()).isTrue());
		long index = this.ledger.indexOf("report", report.id().toString()).orElseThrow();
		assertThat(index).isEqualTo(before);

		String text = this.ledger.entries(index, index + 1).get(0).canonicalJson();
		assertThat(text).matches("\\{\"body\":\\{\"commitments\":\\{\"event\":\"[0-9a-f]{64}\",\"location\":"
				+ "\"[0-9a-f]{64}\",\"source\":\"[0-9a-f]{64}\",\"submitter\":\"[0-9a-f]{64}\"}},\"kind\":\"report\","
				+ "\"subject\":\"" + report.id() + "\"}");
		assertThat(text).doesNotContain(report.narrative())
			.doesNotContain("Convoy")
			.doesNotContain(report.sourceId())
			.doesNotContain(report.externalId())
			.doesNotContain("36.1456")
			.doesNotContain("Urum")
			.doesNotContain("syrian-arab-red-crescent");

		Map<String, String> commitments = commitments(text);
		List<Disclosures.Stored> stored = this.ledger.disclosures(index, index + 1, DisclosurePolicy.ALL);
		assertThat(stored).extracting((s) -> s.disclosure().group())
			.containsExactly("event", "location", "source", "submitter");
		for (Disclosures.Stored s : stored) {
			assertThat(s.index()).isEqualTo(index);
			assertThat(s.kind()).isEqualTo("report");
			assertThat(s.subject()).isEqualTo(report.id().toString());
			assertThat(s.disclosure().verify(commitments.get(s.disclosure().group()))).isTrue();
		}
		Map<String, Object> event = map(stored.get(0).disclosure());
		Map<String, Object> location = map(stored.get(1).disclosure());
		Map<String, Object> source = map(stored.get(2).disclosure());
		assertThat(source).isEqualTo(Map.of("sourceId", report.sourceId(), "externalId", report.externalId()));
		Map<String, Object> submitter = map(stored.get(3).disclosure());
		assertThat(submitter).isEqualTo(Collections.singletonMap("submitter", report.submitter()));
		assertThat(location).containsEntry("latitude", 36.1456)
			.containsEntry("longitude", 36.9283)
			.containsEntry("placeName", "Urum al-Kubra")
			.containsEntry("admin2", "Jebel Saman")
			.containsOnlyKeys(Arrays.stream(report.where().getClass().getRecordComponents())
				.map(RecordComponent::getName)
				.toArray(String[]::new));
		assertThat(event).containsEntry("narrative", report.narrative())
			.containsEntry("id", report.id().toString())
			.containsEntry("recordedAt", "2016-09-20T08:00:00.457Z");
		Set<String> everyField = new HashSet<>(
				Arrays.stream(Report.class.getRecordComponents()).map(RecordComponent::getName).toList());
		// A dataset's row (sourceFields) goes in the source group, and only when there is
		// one.
		everyField.removeAll(Set.of("sourceId", "externalId", "where", "submitter", "sourceFields"));
		assertThat(event.keySet()).as("every other field of the report is in the event group")
			.containsExactlyInAnyOrderElementsOf(everyField);

		// A replay (the same request again, made into a report of its own) stores nothing
		// new.
		Report again = new Report(UUID.randomUUID(), report.eventType(), report.eventTypeBasis(), report.when(),
				report.where(), report.actor(), report.target(), report.casualties(), report.narrative(),
				report.sourceId(), report.externalId(), report.attachments(), report.flags(), report.recordedAt());
		assertThat(recording.append(List.of(ReportFixture.keyed(again, "convoy", "d1")))).singleElement()
			.satisfies((a) -> {
				assertThat(a.created()).isFalse();
				assertThat(a.report().id()).isEqualTo(report.id());
			});
		assertThat(this.ledger.size()).isEqualTo(index + 1);
		assertThat(this.ledger.disclosures(0, this.ledger.size(), DisclosurePolicy.ALL)
			.stream()
			.filter((s) -> s.subject().equals(report.id().toString()))).hasSize(4);
		assertThat(this.ledger.disclosures(index, index + 1, DisclosurePolicy.ALL)).isEqualTo(stored);
	}

	@Test
	void aReportSubmittedOverHttpHasItsDisclosuresAndAReplayAddsNone() {
		Http http = this.truce.http("monitor");
		String body = """
				{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
				 "where": {"latitude": 36.2177, "longitude": 37.1612}, "source": "monitor-aleppo",
				 "externalId": "mon-2231", "narrative": "Clashes at the Ramouseh roundabout"}
				""";
		Http.Response created = http.postJson("/api/reports", body, "Idempotency-Key", "ramouseh");
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = created.json().get("id").asString();
		long size = this.ledger.size();
		long index = this.ledger.indexOf("report", id).orElseThrow();

		Http.Response replayed = http.postJson("/api/reports", body, "Idempotency-Key", "ramouseh");
		assertThat(replayed.status()).as("%s", replayed).isIn(200, 201);
		assertThat(replayed.json().get("id").asString()).isEqualTo(id);
		assertThat(this.ledger.size()).isEqualTo(size);

		LedgerStore.StoredEntry entry = this.ledger.entries(index, index + 1).get(0);
		assertThat(entry.canonicalJson()).doesNotContain("Ramouseh")
			.doesNotContain("monitor-aleppo")
			.doesNotContain("mon-2231")
			.doesNotContain("36.2177");
		Map<String, String> commitments = commitments(entry.canonicalJson());
		List<Disclosures.Stored> stored = this.ledger.disclosures(index, index + 1, DisclosurePolicy.ALL);
		assertThat(stored).hasSize(4);
		for (Disclosures.Stored s : stored) {
			assertThat(s.disclosure().verify(commitments.get(s.disclosure().group()))).isTrue();
		}
		assertThat(this.truce.jdbc()
			.sql("SELECT count(*) FROM ledger_disclosures WHERE subject = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4);
		Disclosure source = stored.get(2).disclosure();
		assertThat(source.value()).isEqualTo(Map.of("sourceId", "monitor-aleppo", "externalId", "mon-2231"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Disclosure disclosure) {
		return (Map<String, Object>) disclosure.value();
	}

	private static Map<String, String> commitments(String text) {
		JsonNode document = JSON.readTree(text);
		return LedgerEntry.commitments(JSON.convertValue(document.get("body"), Map.class));
	}

}
