package org.truce.adjudication.web;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?possiblePerpetrator=} over HTTP: {@code ?actor=} leaves out a strike whose
 * sources say only that Russia or the Syrian government carried it out (it charges
 * neither alone); {@code ?possiblePerpetrator=} finds it, with each item saying whether
 * the actor acted or only may have; so does the findings CSV, which also names each
 * finding's view of a disputed fact in {@code view_id}. On each store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FindingsByPossiblePerpetratorOverHttpContract {

	static final String PAUSE = "aleppo-pause-2016-10";

	static final String ARRANGEMENT = "syria-arrangement-2016-09";

	RunningTruce truce;

	Http monitor;

	abstract RunningTruce start();

	@BeforeAll
	void aGovernmentShellingAndAStrikeByOneOfRussiaOrTheGovernmentDuringThePause() {
		RunningTruce truce = start();
		this.truce = truce;
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA,
				new Actor("syrian-insurgents", "Syrian insurgents", ActorType.ARMED_GROUP, null, null));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
		AgreementFixture.load(truce, PAUSE, ARRANGEMENT);
		SubmittingReport submitting = truce.bean(SubmittingReport.class);
		submitting.submit(report("shelling_artillery_missile_attack", "2016-10-21T11:00:00+03:00", 36.2070, 37.1570,
				"Government of Syria", null, null, "known-shelling"), Submitter.record("test"), null, "a");
		submitting.submit(
				report("air_drone_strike", "2016-10-21T15:00:00+03:00", 36.2300, 37.1200, "Russian Federation", null,
						new ReportDraft.WhoActedDraft("one_of", List.of("Government of Syria")), "one-of-strike"),
				Submitter.record("test"), null, "b");
		submitting.submit(
				report("shelling_artillery_missile_attack", "2016-09-15T10:00:00+03:00", 36.2070, 37.1570,
						"Government of Syria", "Syrian insurgents", null, "september-shelling"),
				Submitter.record("test"), null, "c");
		truce.bean(AdjudicatingIncidents.class).all();
		this.monitor = truce.http("monitor");
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	private static ReportDraft report(String type, String at, double lat, double lon, String actor, String target,
			ReportDraft.WhoActedDraft who, String externalId) {
		return new ReportDraft(type, new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(lat, lon, "SURVEYED", null, "Aleppo", null, null), actor, target, null,
				"An attack in Aleppo.", "monitors", externalId, null, who, null);
	}

	private List<JsonNode> items(String query) {
		Http.Response response = this.monitor.get("/api/findings?limit=1000&" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		response.json().get("items").forEach(out::add);
		return out;
	}

	private static String externalId(JsonNode item) {
		return item.get("externalIds").get(0).asString();
	}

	@Test
	void byActorTheStrikeByOneOfTwoChargesNeither() {
		List<JsonNode> russia = items("agreement=" + PAUSE + "&actor=russia");
		assertThat(russia).isEmpty();
		List<JsonNode> government = items("agreement=" + PAUSE + "&actor=syria-government");
		assertThat(government).isNotEmpty().allSatisfy(i -> assertThat(externalId(i)).isEqualTo("known-shelling"));
	}

	@Test
	void byPossiblePerpetratorTheStrikeIsFoundAndSaysItIsOnlyPossible() {
		List<JsonNode> russia = items("agreement=" + PAUSE + "&possiblePerpetrator=russia");
		assertThat(russia).isNotEmpty().allSatisfy(i -> {
			assertThat(externalId(i)).isEqualTo("one-of-strike");
			assertThat(i.get("matchedAs").asString()).isEqualTo("POSSIBLE_PERPETRATOR");
			assertThat(i.path("actor").isMissingNode() || i.path("actor").isNull()).as("charged to nobody alone")
				.isTrue();
			assertThat(i.get("possiblePerpetrators").toString()).contains("russia", "syria-government");
		});
		assertThat(russia).anySatisfy(i -> {
			assertThat(i.get("outcome").asString()).isEqualTo("VIOLATION");
			assertThat(i.get("reasons").findValuesAsString("code")).contains("VIOLATION_BY_ONE_OF");
		});
	}

	@Test
	void byPossiblePerpetratorByNameTheActorsOwnFindingsComeWithTheOnesItMayHaveCommitted() {
		List<JsonNode> government = items("agreement=" + PAUSE + "&possiblePerpetrator=Government%20of%20Syria");
		assertThat(government).anySatisfy(i -> {
			assertThat(externalId(i)).isEqualTo("known-shelling");
			assertThat(i.get("matchedAs").asString()).isEqualTo("ACTOR");
			assertThat(i.get("actor").asString()).isEqualTo("syria-government");
		});
		assertThat(government).anySatisfy(i -> {
			assertThat(externalId(i)).isEqualTo("one-of-strike");
			assertThat(i.get("matchedAs").asString()).isEqualTo("POSSIBLE_PERPETRATOR");
		});
		assertThat(government).noneSatisfy(i -> assertThat(externalId(i)).isEqualTo("september-shelling"));
	}

	@Test
	void anUnknownPossiblePerpetratorIsAProblemNamingTheParameter() {
		Http.Response response = this.monitor.get("/api/findings?possiblePerpetrator=Nobody%20At%20All");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.field()).isEqualTo("possiblePerpetrator");
		Http.Response export = this.monitor
			.get("/api/exports/findings?agreement=" + PAUSE + "&possiblePerpetrator=Nobody%20At%20All");
		assertThat(export.status()).isEqualTo(400);
		assertThat(export.field()).isEqualTo("possiblePerpetrator");
	}

	@Test
	void theCsvFiltersByPossiblePerpetratorAndListsThem() throws Exception {
		List<CSVRecord> rows = csv("/api/exports/findings?agreement=" + PAUSE + "&possiblePerpetrator=russia");
		assertThat(rows).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("external_ids")).isEqualTo("one-of-strike");
			assertThat(r.get("actor_id")).isEmpty();
			assertThat(r.get("possible_perpetrators").split(";")).contains("russia", "syria-government");
		});
		List<CSVRecord> all = csv("/api/exports/findings?agreement=" + PAUSE);
		assertThat(all).hasSizeGreaterThan(rows.size());
	}

	@Test
	void theCsvNamesEachFindingsViewAndLeavesItEmptyWithoutOne() throws Exception {
		List<CSVRecord> arrangement = csv("/api/exports/findings?agreement=" + ARRANGEMENT);
		assertThat(arrangement).isNotEmpty();
		assertThat(arrangement.stream().map(r -> r.get("view_id")).distinct().sorted().toList())
			.containsExactly("syrian-army", "united-states");
		List<CSVRecord> pause = csv("/api/exports/findings?agreement=" + PAUSE);
		assertThat(pause).isNotEmpty().allSatisfy(r -> assertThat(r.get("view_id")).isEmpty());
		List<JsonNode> api = items("agreement=" + ARRANGEMENT);
		assertThat(api).isNotEmpty()
			.allSatisfy(i -> assertThat(i.get("view").asString()).isIn("syrian-army", "united-states"));
	}

	@Test
	void withHxlTheHashtagsTagThePerpetratorOnlyWhereTheFindingChargesItAlone() throws Exception {
		Http.Response plain = this.monitor.get("/api/exports/findings?agreement=" + PAUSE);
		Http.Response tagged = this.monitor.get("/api/exports/findings?agreement=" + PAUSE + "&hxl=true");
		assertThat(tagged.status()).as(tagged.toString()).isEqualTo(200);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(tagged.body())).getRecords();
		List<String> header = records.get(0).toList();
		List<String> hashtags = records.get(1).toList();
		assertThat(hashtags).hasSameSizeAs(header).allSatisfy(tag -> assertThat(tag).startsWith("#"));
		assertThat(hashtags.get(header.indexOf("actor_id"))).isEqualTo("#org+perpetrator+id");
		assertThat(hashtags.get(header.indexOf("possible_perpetrators"))).isEqualTo("#org+perpetrator+possible+id");
		assertThat(hashtags.get(header.indexOf("incident_start"))).isEqualTo("#date+start");
		// the hashtag row is the only difference
		List<String> lines = new ArrayList<>(tagged.body().lines().toList());
		lines.remove(1);
		assertThat(lines).isEqualTo(plain.body().lines().toList());

		List<CSVRecord> rows = records.subList(2, records.size());
		int perpetrator = header.indexOf("actor_id");
		int possible = header.indexOf("possible_perpetrators");
		assertThat(rows).as("the strike by one of Russia or the government").anySatisfy(row -> {
			assertThat(row.get(perpetrator)).isEmpty();
			assertThat(row.get(possible).split(";")).containsExactlyInAnyOrder("russia", "syria-government");
		});
	}

	@Test
	void hxlIsForCsvAloneAndTheReportsCsvCarriesItToo() throws Exception {
		Http.Response geojson = this.monitor.get("/api/exports/reports?format=geojson&hxl=true");
		assertThat(geojson.status()).isEqualTo(400);
		assertThat(geojson.json().get("code").asString()).isEqualTo("INVALID_QUERY");
		assertThat(geojson.json().get("field").asString()).isEqualTo("hxl");

		Http.Response csv = this.monitor.get("/api/exports/reports?format=csv&hxl=true");
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
		List<String> header = records.get(0).toList();
		List<String> hashtags = records.get(1).toList();
		assertThat(hashtags.get(header.indexOf("admin1"))).isEqualTo("#adm1+name");
		assertThat(hashtags.get(header.indexOf("latitude"))).isEqualTo("#geo+lat");
		assertThat(hashtags.get(header.indexOf("longitude"))).isEqualTo("#geo+lon");
		assertThat(hashtags.get(header.indexOf("total_best"))).isEqualTo("#affected+killed");
		assertThat(hashtags.get(header.indexOf("who_acted_text"))).isEqualTo("#org+perpetrator");
		assertThat(records).hasSize(2 + 3);
	}

	private List<CSVRecord> csv(String path) throws Exception {
		Http.Response response = this.monitor.get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(response.body()))
			.getRecords();
	}

}
