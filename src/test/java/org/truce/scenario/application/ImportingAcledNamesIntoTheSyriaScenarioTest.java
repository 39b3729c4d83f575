package org.truce.scenario.application;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingAcled;
import org.truce.report.application.RecordingReports;
import org.truce.report.application.Reports;
import org.truce.report.application.TestStores;
import org.truce.report.application.UnresolvedNames;
import org.truce.report.application.UnresolvedNames.NameCount;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invented ACLED-format rows of {@code acled/acled_syria_names_sample.csv} (see the
 * README beside it), imported with the Syria scenario's actors: ACLED's names resolve,
 * associated actors are kept as written, and the import says which names did not resolve.
 */
class ImportingAcledNamesIntoTheSyriaScenarioTest {

	static final String FIXTURE = "acled/acled_syria_names_sample.csv";

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static ImportOutcome.Completed done;

	static Map<String, Report> byExternalId;

	@BeforeAll
	static void importTheFixtureWithTheScenariosActors() {
		context = TestStores.sqlite(data);
		context.getBean(ActorDirectory.class)
			.register(ActorsLoader.read(new ClassPathResource("scenarios/syria-2016/actors.yaml")));
		done = (ImportOutcome.Completed) context.getBean(ImportingAcled.class)
			.importFile(ImportFile.of("classpath:" + FIXTURE, new ClassPathResource(FIXTURE)), ImportProgress.NONE);
		byExternalId = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.collect(Collectors.toMap(Report::externalId, Function.identity()));
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void theForcesOfSyriaAndOfRussiaResolveToTheirActors() {
		assertThat(done.counts().imported()).isEqualTo(10);
		assertThat(byExternalId.get("SYRN0001").actor()).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Syria (2000-)", "syria-government"));
		assertThat(byExternalId.get("SYRN0002").actor()).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Russia (2000-)", "russia"));
		assertThat(byExternalId.get("SYRN0003").target()).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Syria (2000-2024)", "syria-government"));
		assertThat(byExternalId.get("SYRN0008").actor().actorId()).isEqualTo("syrian-air-force");
		assertThat(byExternalId.get("SYRN0004").actor().actorId()).isEqualTo("sdf");
		assertThat(byExternalId.get("SYRN0004").target().actorId()).isEqualTo("islamic-state");
		assertThat(byExternalId.get("SYRN0002").target().actorId()).isEqualTo("civilians");
	}

	@Test
	void associatedActorsAreKeptAsWrittenAndDoNotChangeWhoTheActorIs() {
		Report shelling = byExternalId.get("SYRN0001");
		assertThat(shelling.narrative()).isEqualTo(
				"Invented row for Truce's tests: government artillery shelled an opposition-held district of eastern Aleppo.\n"
						+ "ACLED assoc_actor_1 (associated with actor1): NDF: National Defence Forces; Military Forces of Russia (2000-)\n"
						+ "ACLED source: SOHR");
		assertThat(shelling.actor().actorId()).isEqualTo("syria-government");
		assertThat(byExternalId.get("SYRN0004").narrative())
			.contains("\nACLED assoc_actor_1 (associated with actor1): YPG: Peoples Protection Units\n")
			.doesNotContain("assoc_actor_2");
		assertThat(byExternalId.get("SYRN0002").narrative()).doesNotContain("assoc_actor");
	}

	@Test
	void theImportCountsTheRowsWhoseNamesDidNotResolveAndNamesTheMostCommon() {
		assertThat(done.unresolved()).isEqualTo(new UnresolvedNames(3, 1,
				List.of(new NameCount("Unidentified Armed Group (Syria)", 2, ActorRef.ResolutionStatus.UNRESOLVED),
						new NameCount("Allied Syrian and/or Russian Forces", 1, ActorRef.ResolutionStatus.UNRESOLVED)),
				List.of(new NameCount("Unidentified Armed Group (Syria)", 1, ActorRef.ResolutionStatus.UNRESOLVED))));
	}

	@Test
	void theImportsLedgerEntryCountsThemInTheClearAndCommitsToTheNames() {
		Ledger ledger = context.getBean(Ledger.class);
		long index = ledger.indexOf("import", done.run().id()).orElseThrow();
		LedgerStore.StoredEntry entry = ledger.entries(index, index + 1).get(0);
		Map<?, ?> body = (Map<?, ?>) JsonMapper.builder()
			.build()
			.readValue(entry.canonicalJson(), Map.class)
			.get("body");

		assertThat(body.get(RecordingReports.UNRESOLVED)).isEqualTo(Map.of("actorRows", 3, "targetRows", 1));
		assertThat(entry.canonicalJson()).doesNotContain("Unidentified").doesNotContain("Allied Syrian");
		assertThat(LedgerEntry.commitments(body)).containsOnlyKeys(RecordingReports.NAMES);

		List<Disclosures.Stored> opened = ledger.disclosures(index, index + 1, DisclosurePolicy.ALL);
		assertThat(opened).hasSize(1);
		assertThat(opened.get(0).disclosure().verify(LedgerEntry.commitments(body).get(RecordingReports.NAMES)))
			.isTrue();
		assertThat(opened.get(0).disclosure().canonicalValue())
			.contains("{\"name\":\"Unidentified Armed Group (Syria)\",\"rows\":2,\"status\":\"UNRESOLVED\"}");
		assertThat(ledger.disclosures(index, index + 1, DisclosurePolicy.NONE)).isEmpty();
	}

}
