package org.truce.report.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.Ledger;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.SourceFields;
import org.truce.report.model.WhoActed;
import org.truce.shared.ErrorCode;
import org.truce.shared.RejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ACLED and UCDP at full fidelity (issue 19, part 3): every column of an imported row is
 * kept verbatim, apart from what Truce infers; it is read and filtered by staff only; and
 * an export in the dataset's own layout gives the imported rows back column for column.
 */
class KeepingTheDatasetsOwnRowsTest {

	static final String ACLED_FIXTURE = "acled/acled_syria_2016_sample.csv";

	static final Viewer STAFF = new Viewer(Viewer.Reach.FULL, Set.of(), "monitor-1");

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static Map<String, Report> acled;

	static Map<String, Report> ucdp;

	@BeforeAll
	static void importBoth() {
		context = TestStores.sqlite(data);
		context.getBean(ImportingAcled.class)
			.importFile(ImportFile.of("classpath:" + ACLED_FIXTURE, new ClassPathResource(ACLED_FIXTURE)),
					ImportProgress.NONE);
		context.getBean(ImportingUcdp.class).importFile(UcdpFixture.ged2016(), ImportProgress.NONE);
		List<Report> all = new ArrayList<>();
		ReportQuery page = ReportQuery.all(ReportQuery.MAX_LIMIT);
		while (true) {
			var found = context.getBean(Reports.class).find(page);
			all.addAll(found.reports());
			if (found.next() == null) {
				break;
			}
			page = page.withCursor(found.next());
		}
		acled = all.stream()
			.filter(r -> r.sourceId().equals("acled"))
			.collect(Collectors.toMap(Report::externalId, Function.identity()));
		ucdp = all.stream()
			.filter(r -> r.sourceId().equals("ucdp-ged"))
			.collect(Collectors.toMap(Report::externalId, Function.identity()));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void anAcledReportKeepsEveryColumnOfItsRowVerbatimInTheFilesOrder() throws IOException {
		Table file = table(new ClassPathResource(ACLED_FIXTURE).getInputStream());
		SourceFields fields = acled.get("SYRX0001").sourceFields();

		assertThat(fields.format()).isEqualTo("acled");
		assertThat(List.copyOf(fields.values().keySet())).isEqualTo(file.header());
		assertThat(fields.values()).isEqualTo(file.first("event_id_cnty", "SYRX0001"));
		assertThat(fields.values()).containsEntry("inter1", "8")
			.containsEntry("inter2", "7")
			.containsEntry("interaction", "78")
			.containsEntry("assoc_actor_2", "SARC: Syrian Arab Red Crescent")
			.containsEntry("civilian_targeting", "Civilian targeting")
			.containsEntry("source_scale", "National-International")
			.containsEntry("assoc_actor_1", "");
	}

	@Test
	void aUcdpReportKeepsItsDyadConflictSidesAndDeathsBySideWhileWhoActedStaysAsRead() {
		Report battle = ucdp.values()
			.stream()
			.filter(r -> "1".equals(r.sourceFields().get("type_of_violence")))
			.findFirst()
			.orElseThrow();
		SourceFields fields = battle.sourceFields();

		assertThat(fields.values().keySet()).containsExactlyElementsOf(UcdpFixture.header());
		assertThat(fields.values().get("dyad_new_id")).isNotBlank();
		assertThat(fields.values().get("conflict_new_id")).isNotBlank();
		assertThat(fields.values().get("side_a_new_id")).isNotBlank();
		assertThat(fields.values()).containsKeys("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown");
		// side_a and side_b are the dyad's sides, not attacker and target.
		assertThat(ucdp.values()
			.stream()
			.filter(r -> "1".equals(r.sourceFields().get("type_of_violence")))
			.filter(r -> r.whoActed().kind() == WhoActed.Kind.ACTOR)).allMatch(r -> r.whoActed().basis() != null);
	}

	@Test
	void anAcledExportGivesTheImportedRowsBackColumnForColumnWithCrlfLineEnds() throws IOException {
		Table original = table(new ClassPathResource(ACLED_FIXTURE).getInputStream());
		byte[] exported = export(ReportFormat.ACLED, STAFF);
		Table back = table(new java.io.ByteArrayInputStream(exported));

		assertThat(back.header()).isEqualTo(original.header());
		assertThat(back.rows()).hasSize(acled.size());
		for (Map<String, String> row : back.rows()) {
			// A weekly update repeats SYRX0001 further down; the first row is the one
			// stored.
			assertThat(row).isEqualTo(original.first("event_id_cnty", row.get("event_id_cnty")));
		}
		String text = new String(exported, StandardCharsets.UTF_8);
		assertThat(text).startsWith(String.join(",", original.header()) + "\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n\"SYRX");
	}

	@Test
	void aUcdpExportGivesTheWholeRealFileBackColumnForColumnLineBreaksInFieldsIncluded() throws IOException {
		Table original = table(new ClassPathResource(UcdpFixture.REAL_FILE).getInputStream());
		Table back = table(new java.io.ByteArrayInputStream(export(ReportFormat.UCDP, STAFF)));

		assertThat(back.header()).isEqualTo(original.header());
		assertThat(back.rows()).hasSize(original.rows().size());
		Map<String, Map<String, String>> byId = back.rows()
			.stream()
			.collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
		for (Map<String, String> row : original.rows()) {
			assertThat(byId.get(row.get("id"))).as("id %s", row.get("id")).isEqualTo(row);
		}
		assertThat(original.rows()).anyMatch(r -> r.values().stream().anyMatch(v -> v.contains("\n")));
	}

	@Test
	void reportsOfOtherSourcesAreNotWrittenInADatasetsLayout() throws IOException {
		Table back = table(new java.io.ByteArrayInputStream(export(ReportFormat.ACLED, STAFF)));

		assertThat(back.rows()).extracting(r -> r.get("event_id_cnty"))
			.containsExactlyInAnyOrderElementsOf(acled.keySet());
	}

	@Test
	void staffFilterByInterCodesInEitherColumnAndByInteraction() {
		ReportQuery civilians = ReportQuery.all(1000)
			.withSourceFields(new ReportQuery.SourceFieldFilter("acled",
					List.of(new ReportQuery.FieldMatch("inter", List.of("inter1", "inter2"), Set.of("7")))));
		Set<String> expected = acled.values()
			.stream()
			.filter(r -> "7".equals(r.sourceFields().get("inter1")) || "7".equals(r.sourceFields().get("inter2")))
			.map(Report::externalId)
			.collect(Collectors.toSet());

		assertThat(expected).isNotEmpty().hasSizeLessThan(acled.size());
		assertThat(reading().find(civilians, STAFF).reports()).extracting(Report::externalId)
			.containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void staffFilterUcdpReportsByDyadIdOrName() {
		Report one = ucdp.values().iterator().next();
		String dyad = one.sourceFields().get("dyad_new_id");
		String name = one.sourceFields().get("dyad_name");
		long inFile = ucdp.values().stream().filter(r -> dyad.equals(r.sourceFields().get("dyad_new_id"))).count();

		for (String asked : List.of(dyad, name)) {
			ReportQuery q = ReportQuery.all(ReportQuery.MAX_LIMIT)
				.withSourceFields(new ReportQuery.SourceFieldFilter("ucdp", List
					.of(new ReportQuery.FieldMatch("dyad", List.of("dyad_new_id", "dyad_name"), Set.of(asked)))));
			assertThat(reading().find(q, STAFF).reports()).as(asked)
				.hasSize((int) inFile)
				.allMatch(r -> dyad.equals(r.sourceFields().get("dyad_new_id")));
		}
	}

	@Test
	void aReaderWhoMayNotSeeSourcesNeitherReadsNorFiltersNorExportsTheRows() {
		Report report = acled.get("SYRX0001");
		context.getBean(PublishingReports.class).publish(List.of(report.id()), "monitor-1");

		assertThat(reading().byId(report.id(), STAFF).orElseThrow().sourceFields()).isNotNull();
		assertThat(reading().byId(report.id(), Viewer.PUBLIC).orElseThrow().sourceFields()).isNull();
		ReportQuery byInter = ReportQuery.all(10)
			.withSourceFields(new ReportQuery.SourceFieldFilter("acled",
					List.of(new ReportQuery.FieldMatch("inter", List.of("inter1"), Set.of("8")))));
		assertThatThrownBy(() -> reading().find(byInter, Viewer.PUBLIC)).isInstanceOfSatisfying(RejectedException.class,
				ex -> assertThat(ex.problems().get(0).code()).isEqualTo(ErrorCode.FORBIDDEN));
		assertThatThrownBy(() -> export(ReportFormat.ACLED, Viewer.PUBLIC))
			.isInstanceOfSatisfying(RejectedException.class, ex -> {
				assertThat(ex.problems().get(0).code()).isEqualTo(ErrorCode.FORBIDDEN);
				assertThat(ex.problems().get(0).field()).isEqualTo("format");
			});
	}

	@Test
	void changingTheRowChangesNothingAReaderWithoutSourcesIsShown() {
		Report report = acled.get("SYRX0002");
		Map<String, String> secret = new LinkedHashMap<>(report.sourceFields().values());
		secret.put("latitude", "33.5");
		secret.put("source", "A named informant");
		Report changed = new Report(report.id(), report.eventType(), report.eventTypeBasis(), report.when(),
				report.where(), report.actor(), report.target(), report.casualties(), report.narrative(),
				report.sourceId(), report.externalId(), report.attachments(), report.flags(), report.recordedAt(),
				report.whoActed(), report.equipment(), report.submitter(), report.narrativeLanguage(),
				new SourceFields("acled", secret));
		ReadingReports.Redaction publicCut = reading().redaction(Viewer.PUBLIC);

		assertThat(publicCut.apply(changed)).isEqualTo(publicCut.apply(report));
		assertThat(reading().redaction(STAFF).apply(changed)).isNotEqualTo(reading().redaction(STAFF).apply(report));
	}

	@Test
	void theRowIsInTheReportsLedgerEntryOnlyUnderTheSourceCommitment() {
		Report report = acled.get("SYRX0003");
		var entry = context.getBean(RecordingReports.class).entry(report);
		Map<String, String> opened = entry.disclosures()
			.stream()
			.collect(Collectors.toMap(d -> d.group(), d -> d.canonicalValue()));
		String source = report.sourceFields().values().get("source");

		assertThat(entry.body().toString()).doesNotContain(source);
		assertThat(opened.get(RecordingReports.SOURCE)).contains("\"sourceFields\"").contains(source);
		opened.forEach((group, value) -> {
			if (!group.equals(RecordingReports.SOURCE)) {
				assertThat(value).as(group).doesNotContain("sourceFields");
			}
		});
	}

	private static ReadingReports reading() {
		return context.getBean(ReadingReports.class);
	}

	private static byte[] export(ReportFormat format, Viewer viewer) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		context.getBean(ExportingReports.class).exportAll(format, out, viewer);
		return out.toByteArray();
	}

	record Table(List<String> header, List<Map<String, String>> rows) {

		Map<String, String> first(String column, String value) {
			return this.rows.stream().filter(r -> value.equals(r.get(column))).findFirst().orElseThrow();
		}

	}

	static Table table(InputStream in) throws IOException {
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (record.isConsistent()) {
					rows.add(record.toMap());
				}
			}
			return new Table(parser.getHeaderNames(), rows);
		}
	}

}
