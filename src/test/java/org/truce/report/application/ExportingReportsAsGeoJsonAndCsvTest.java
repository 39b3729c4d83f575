package org.truce.report.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Monitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store holding the ACLED fixture's nine reports and two reports with awkward text,
 * exported as GeoJSON and CSV and parsed back.
 */
class ExportingReportsAsGeoJsonAndCsvTest {

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static Map<String, Report> byId = new HashMap<>();

	@BeforeAll
	static void fillTheStore() {
		context = TestStores.sqlite(data);
		context.getBean(Sources.class)
			.save(new Source("monitor-team-3", "Monitoring team 3", SourceKind.MONITOR, Reliability.B));
		context.getBean(ImportingAcled.class).importFile(ImportingAcledExportTest.fixture(), ImportProgress.NONE);
		context.getBean(Reports.class)
			.append(List.of(new Reports.NewReport(ReportFixture.monitorReportWithAwkwardText(), "t1", "d1"),
					new Reports.NewReport(ReportFixture.reportNearTheMeridian(), "t2", "d2")));
		context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.forEach(r -> byId.put(r.id().toString(), r));
		assertThat(byId).hasSize(11);
	}

	@AfterAll
	static void close() {
		context.close();
	}

	private static String export(ReportQuery query, ReportFormat format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		long n = context.getBean(ExportingReports.class).export(query, format, out, Monitor.READER);
		assertThat(n).isEqualTo(byId.size());
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void geoJsonIsAnRfc7946FeatureCollectionOfPointsInLonLatOrder() throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(export(ReportQuery.all(1000), ReportFormat.GEOJSON));

		assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(root.has("crs")).isFalse();
		assertThat(root.get("features")).hasSize(byId.size());
		Set<Set<String>> propertyNameSets = new HashSet<>();
		for (JsonNode feature : root.get("features")) {
			assertThat(feature.get("type").asString()).isEqualTo("Feature");
			Report report = byId.get(feature.get("id").asString());
			assertThat(report).isNotNull();
			JsonNode geometry = feature.get("geometry");
			assertThat(geometry.get("type").asString()).isEqualTo("Point");
			assertThat(geometry.get("coordinates")).hasSize(2);
			assertThat(geometry.get("coordinates").get(0).asDouble()).isEqualTo(report.where().longitude());
			assertThat(geometry.get("coordinates").get(1).asDouble()).isEqualTo(report.where().latitude());
			JsonNode p = feature.get("properties");
			propertyNameSets.add(new HashSet<>(p.propertyNames()));
			assertThat(p.get("externalId").isNull() ? null : p.get("externalId").asString())
				.isEqualTo(report.externalId());
			assertThat(p.get("uncertaintyMetres").asDouble()).isEqualTo(report.where().uncertaintyMetres());
			assertThat(p.get("locationPrecisionCode").asInt()).isEqualTo(report.where().precision().ucdpCode());
			assertThat(p.get("timePrecisionCode").asInt()).isEqualTo(report.when().precision().ucdpCode());
			assertThat(p.get("timeStart").asString()).isEqualTo(report.when().start().toString());
			assertThat(p.get("flags")).hasSize(report.flags().size());
			assertThat(p.get("narrative").isNull() ? null : p.get("narrative").asString())
				.isEqualTo(report.narrative());
		}
		assertThat(propertyNameSets).hasSize(1);
		assertThat(propertyNameSets.iterator().next()).contains("id", "eventType", "eventTypeBasis", "timeEnd",
				"timePrecision", "locationPrecision", "placeName", "admin1", "admin2", "actor", "actorId",
				"actorStatus", "target", "targetId", "targetStatus", "casualties", "source", "attachments",
				"recordedAt");
		JsonNode awkward = feature(root, ReportFixture.monitorReportWithAwkwardText());
		assertThat(awkward.get("properties").get("casualties").get("total").get("high").asInt()).isEqualTo(5);
		assertThat(awkward.get("properties").get("casualties").get("actorSide").isNull()).isTrue();
		assertThat(awkward.get("properties").get("targetCandidates").get(1).asString()).isEqualTo("nla");
		assertThat(awkward.get("properties").get("attachments").get(0).get("name").asString())
			.isEqualTo("photo, crossing.jpg");
	}

	private static JsonNode feature(JsonNode root, Report report) {
		for (JsonNode f : root.get("features")) {
			if (f.get("id").asString().equals(report.id().toString())) {
				return f;
			}
		}
		throw new AssertionError("no feature " + report.id());
	}

	@Test
	void csvHasTheHeaderAndOneRecordPerReportWithAwkwardTextIntact() throws IOException {
		String text = export(ReportQuery.all(1000), ReportFormat.CSV);
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))) {
			assertThat(parser.getHeaderNames()).isEqualTo(CsvReportWriter.HEADER);
			List<CSVRecord> records = parser.getRecords();
			assertThat(records).hasSize(byId.size());
			for (CSVRecord record : records) {
				assertThat(record.isConsistent()).isTrue();
				Report report = byId.get(record.get("id"));
				assertThat(report).isNotNull();
				assertThat(Double.parseDouble(record.get("latitude"))).isEqualTo(report.where().latitude());
				assertThat(Double.parseDouble(record.get("longitude"))).isEqualTo(report.where().longitude());
				assertThat(record.get("latitude") + record.get("longitude")).doesNotContainIgnoringCase("e");
				assertThat(record.get("source")).isEqualTo(report.sourceId());
				assertThat(record.get("time_end")).isEqualTo(report.when().end().toString());
			}
			CSVRecord awkward = records.stream()
				.filter(r -> r.get("id").equals(ReportFixture.monitorReportWithAwkwardText().id().toString()))
				.findFirst()
				.orElseThrow();
			Report expected = ReportFixture.monitorReportWithAwkwardText();
			assertThat(awkward.get("narrative")).isEqualTo(expected.narrative());
			assertThat(awkward.get("place_name")).isEqualTo("Bustan al-Qasr, \"crossing\"");
			assertThat(awkward.get("actor")).isEqualTo("'=HYPERLINK(\"http://example.invalid\")");
			assertThat(awkward.get("external_id")).isEqualTo("'=1+2");
			assertThat(awkward.get("target_status")).isEqualTo("AMBIGUOUS");
			assertThat(awkward.get("target_candidates")).isEqualTo("fsa;nla");
			assertThat(awkward.get("total_low") + "/" + awkward.get("total_best") + "/" + awkward.get("total_high"))
				.isEqualTo("1/2/5");
			assertThat(awkward.get("civilians_best")).isEqualTo("2");
			assertThat(awkward.get("actor_side_best")).isEmpty();
			assertThat(awkward.get("flags")).isEqualTo("ACTOR_UNRESOLVED;TARGET_AMBIGUOUS");
			assertThat(awkward.get("attachments")).contains("\"photo, crossing.jpg\"");
			assertThat(awkward.get("uncertainty_m")).isEqualTo("150");
			CSVRecord multiline = records.stream()
				.filter(r -> "SYRX0003".equals(r.get("external_id")))
				.findFirst()
				.orElseThrow();
			assertThat(multiline.get("narrative")).contains("Aleppo.\nOne of the last").contains("\"at least 50\"");
			assertThat(multiline.get("flags")).contains("MULTILINE_FIELD");
		}
	}

	@Test
	void csvWithHxlHasAHashtagUnderEveryColumnAndIsOtherwiseTheSameFile() throws IOException {
		List<String> plain = export(ReportQuery.all(1000), ReportFormat.CSV).lines().toList();
		List<String> tagged = new java.util.ArrayList<>(
				export(ReportQuery.all(1000), ReportFormat.CSV.withHxl(true).orElseThrow()).lines().toList());
		List<String> hashtags = CSVFormat.RFC4180.parse(new StringReader(tagged.remove(1)))
			.getRecords()
			.get(0)
			.toList();
		assertThat(tagged).isEqualTo(plain);
		assertThat(hashtags).hasSize(CsvReportWriter.HEADER.size())
			.startsWith("#event+id", "#event+type")
			.contains("#date+start", "#adm1+name", "#geo+lat", "#geo+lon", "#affected+killed", "#org+perpetrator")
			.doesNotHaveDuplicates();
		assertThat(ReportFormat.GEOJSON.withHxl(true)).isEmpty();
		assertThat(ReportFormat.GEOJSON.withHxl(false)).contains(ReportFormat.GEOJSON);
	}

	@Test
	void exportingPageByPageWritesEveryReportOnce() throws IOException {
		String text = export(ReportQuery.all(2), ReportFormat.CSV);
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(text))) {
			List<String> ids = parser.getRecords().stream().map(r -> r.get("id")).toList();
			assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byId.keySet());
		}
		JsonNode root = JsonMapper.builder().build().readTree(export(ReportQuery.all(3), ReportFormat.GEOJSON));
		assertThat(root.get("features")).hasSize(byId.size());
	}

}
