package org.truce.scenario.application;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorType;
import org.truce.deconfliction.application.Alerts;
import org.truce.deconfliction.application.ProtectedPlaces;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.Proximity;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.Publications;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.application.TestStores;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.testing.Syria2016;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What {@code truce demo} loads before it serves: the Syria 2016 scenario from the
 * classpath into an empty store, then again into the same store.
 */
@SlowTest
class LoadingSyria2016ScenarioTest {

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	static List<String> firstSummary;

	@BeforeAll
	static void loadTheScenario() {
		context = TestStores.sqlite(data);
		firstSummary = context.getBean(LoadingScenario.class).load(Syria2016.SCENARIO, ImportProgress.NONE);
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void actorsThenSourcesThenNotificationsThenEventsThenGeographyThenNewsThenAgreementsAreLoaded() {
		assertThat(firstSummary).hasSize(7);
		assertThat(firstSummary.get(0)).isEqualTo("Actors: 83 registered from actors.yaml.");
		assertThat(firstSummary.get(1)).isEqualTo("Sources: ucdp-ged, wikipedia-current-events registered.");
		assertThat(firstSummary.get(2))
			.isEqualTo("Humanitarian notifications: 2 registered, 0 already present, from humanitarian.yaml.");
		assertThat(firstSummary.get(3)).startsWith(
				"Events: events/ucdp_ged_syria_2016.csv: 6170 rows read, 6170 imported, 0 already present, 0 rejected");
		assertThat(firstSummary.get(4)).isEqualTo("Geography: 763 boundaries and 2928 gazetteer places.");
		assertThat(firstSummary.get(5)).isEqualTo("News: news/wikipedia_current_events_syria_2016.csv: 43 rows read,"
				+ " 43 imported, 0 rejected. 43 published.");
		assertThat(firstSummary.get(6))
			.startsWith("Agreements: 64 control areas, 4 agreements (9 versions); findings: ")
			.contains("syria-coh-2016-02 {VIOLATION=");
		assertThat(context.getBean(Sources.class).byId("ucdp-ged")).isPresent();
		assertThat(context.getBean(Reports.class).count()).as("the UCDP events and the news items")
			.isEqualTo(6170 + 43);
	}

	@Test
	void theUcdpEventsAndTheNewsArePublishedOnceForThePublicEachWithItsLedgerEntry() {
		assertThat(firstSummary.get(3)).endsWith(" 6170 published.");
		assertThat(context.getBean(Publications.class).count()).isEqualTo(6170 + 43);
		Ledger ledger = context.getBean(Ledger.class);
		long publications = ledger.entries(0, ledger.size())
			.stream()
			.filter(e -> e.kind().equals(PublishingReports.KIND))
			.count();
		assertThat(publications).isEqualTo(6170 + 43);
	}

	@Test
	void theActorsKeepTheirTypesParentsAndAliases() {
		ActorDirectory directory = context.getBean(ActorDirectory.class);
		assertThat(directory.registry().all()).hasSize(83);
		assertThat(directory.registry().byId("hezbollah").orElseThrow().associatedWith())
			.containsExactly("syria-government");
		assertThat(directory.registry().byId("ndf").orElseThrow().parentId()).isNull();
		assertThat(directory.registry().byId("syrian-air-force").orElseThrow().parentId())
			.isEqualTo("syria-government");
		assertThat(directory.registry().byId("syria-government").orElseThrow().type()).isEqualTo(ActorType.STATE_FORCE);
		assertThat(directory.resolve("U.S.")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("U.S.", "united-states"));
	}

	@Test
	void everyUcdpSideResolvesToARegisteredActor() {
		List<Report> all = context.getBean(Reports.class).find(ReportQuery.all(ReportQuery.MAX_LIMIT)).reports();
		Map<DataFlag, Long> flags = new EnumMap<>(DataFlag.class);
		all.forEach(r -> r.flags().forEach(f -> flags.merge(f, 1L, Long::sum)));
		assertThat(flags).doesNotContainKeys(DataFlag.ACTOR_UNRESOLVED, DataFlag.ACTOR_AMBIGUOUS,
				DataFlag.TARGET_UNRESOLVED, DataFlag.TARGET_AMBIGUOUS);
		Report first = all.stream().filter(r -> "214797".equals(r.externalId())).findFirst().orElseThrow();
		assertThat(first.actor()).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Government of Syria", "syria-government"));
	}

	@Test
	void theConvoyStruckAtUrumAlKubraIsNotifiedAsAMovementAndASiteAndItsUcdpEventRaisesAnAlertForEach() {
		List<Notification> notified = context.getBean(ProtectedPlaces.class).notifications();
		Notification convoy = notified.stream()
			.filter(n -> n.name().startsWith("UN/SARC convoy to Urum al-Kubra"))
			.findFirst()
			.orElseThrow();
		Notification warehouse = notified.stream()
			.filter(n -> n.name().startsWith("SARC warehouse near Urum al-Kubra"))
			.findFirst()
			.orElseThrow();
		assertThat(convoy.parties()).containsExactlyInAnyOrder("syria-government", "russia");
		assertThat(convoy.from()).isEqualTo(Instant.parse("2016-09-19T05:00:00Z"));
		assertThat(warehouse.kind()).isEqualTo(Notification.Kind.SITE);
		assertThat(warehouse.parties()).containsExactlyInAnyOrder("syria-government", "russia");
		for (Notification n : List.of(convoy, warehouse)) {
			assertThat(n.notifiedAsAsserted()).as("asserted, in 2016, not when the demo loaded")
				.isEqualTo(Instant.parse("2016-09-18T20:59:00Z"));
			assertThat(n.asserted().by()).startsWith("OCHA");
			assertThat(n.asserted().url()).isEqualTo("https://m.reliefweb.int/report/1700831");
			assertThat(n.notifiedAt()).as("recorded when the demo loaded")
				.isAfter(Instant.parse("2020-01-01T00:00:00Z"));
		}
		Report strike = context.getBean(Reports.class)
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT))
			.reports()
			.stream()
			.filter(r -> "301214".equals(r.externalId()))
			.findFirst()
			.orElseThrow();
		assertThat(context.getBean(Alerts.class).ofReport(strike.id())).extracting(Alert::placeId, Alert::proximity)
			.containsExactlyInAnyOrder(tuple(convoy.id(), Proximity.POSSIBLY_WITHIN),
					tuple(warehouse.id(), Proximity.POSSIBLY_WITHIN));
	}

	@Test
	void loadingAgainSkipsTheEventsFileAlreadyImported() {
		List<String> again = context.getBean(LoadingScenario.class).load(Syria2016.SCENARIO, ImportProgress.NONE);
		long ledgerSize = context.getBean(Ledger.class).size();
		assertThat(again.get(3)).startsWith("Events: events/ucdp_ged_syria_2016.csv was already imported on ")
			.endsWith("(6170 reports, dates read as days in Asia/Damascus); skipped.");
		assertThat(again.get(5)).isEqualTo(
				"News: news/wikipedia_current_events_syria_2016.csv was already imported (43 reports); skipped.");
		assertThat(context.getBean(Publications.class).count()).isEqualTo(6170 + 43);
		assertThat(context.getBean(Ledger.class).size()).as("no publication twice").isEqualTo(ledgerSize);
		assertThat(context.getBean(Reports.class).count()).isEqualTo(6170 + 43);
		assertThat(context.getBean(ActorDirectory.class).registry().all()).hasSize(83);
		assertThat(again.get(2))
			.isEqualTo("Humanitarian notifications: 0 registered, 2 already present, from humanitarian.yaml.");
	}

	@Test
	void aScenarioWithoutTheFilesLoadsNothing() {
		List<String> summary = context.getBean(LoadingScenario.class)
			.load(Scenario.read("classpath:scenarios/no-files/"), ImportProgress.NONE);
		assertThat(summary.get(0)).isEqualTo("Actors: the scenario has no actors.yaml.");
		assertThat(summary.get(3)).isEqualTo("Events: the scenario has no events/ucdp_ged_syria_2016.csv.");
		assertThat(summary.get(4)).isEqualTo("Geography: the scenario has no boundaries/syr_admin1_ocha_cod.geojson.");
		assertThat(summary.get(5)).isEqualTo("News: the scenario has none.");
		assertThat(summary.get(6)).isEqualTo("Agreements: none in the scenario.");
	}

}
