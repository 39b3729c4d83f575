package org.truce.report.web;

import java.time.Instant;
import java.util.List;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.truce.actor.model.ActorRegistry;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.testing.ReportFixture;
import org.truce.shared.ScenarioZone;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report panel words times and distances for a reader. */
class ReportPanelWordingTest {

	private static final ScenarioZone DAMASCUS = new ScenarioZone(ZoneId.of("Asia/Damascus"));

	@Test
	void aReportOnOneDayShowsThatLocalDayAndItsSpanInUtc() {
		TimeSpan day = new TimeSpan(Instant.parse("2016-09-18T21:00:00Z"), Instant.parse("2016-09-19T20:59:59.999Z"),
				TimePrecision.DAY);

		assertThat(ReportPanel.when(day, DAMASCUS))
			.isEqualTo("19 Sep 2016 (Asia/Damascus) · 2016-09-18 21:00 – 2016-09-19 21:00 UTC");
	}

	@Test
	void aReportOverSeveralDaysShowsTheFirstAndLastLocalDayAcrossAClockChange() {
		// Damascus moved from UTC+2 to UTC+3 at the start of 25 March 2016.
		TimeSpan days = new TimeSpan(Instant.parse("2016-03-23T22:00:00Z"), Instant.parse("2016-03-27T20:59:59.999Z"),
				TimePrecision.DAYS);

		assertThat(ReportPanel.when(days, DAMASCUS))
			.isEqualTo("24 Mar 2016 – 27 Mar 2016 (Asia/Damascus) · 2016-03-23 22:00 – 2016-03-27 21:00 UTC");
		assertThat(ReportPanel.timePrecision(TimePrecision.DAYS)).isEqualTo("within 2–6 days");
	}

	@Test
	void aDayImportedAsAUtcDaySaysSoRatherThanShiftingIt() {
		TimeSpan utcDay = new TimeSpan(Instant.parse("2016-09-19T00:00:00Z"), Instant.parse("2016-09-19T23:59:59.999Z"),
				TimePrecision.DAY);

		assertThat(ReportPanel.when(utcDay, DAMASCUS))
			.isEqualTo("19 Sep 2016 (UTC days) · 2016-09-19 00:00 – 2016-09-20 00:00 UTC");
	}

	@Test
	void aReportWithAnExactTimeShowsItToTheMinuteLocallyAndInUtc() {
		Instant at = Instant.parse("2016-09-19T16:30:00Z");

		assertThat(ReportPanel.when(new TimeSpan(at, at, TimePrecision.EXACT), DAMASCUS))
			.isEqualTo("19 Sep 2016, 19:30 Asia/Damascus (UTC+3) · 2016-09-19 16:30 UTC");
		assertThat(ReportPanel.when(new TimeSpan(at, at.plusSeconds(5400), TimePrecision.EXACT), DAMASCUS)).isEqualTo(
				"19 Sep 2016, 19:30 – 19 Sep 2016, 21:00 Asia/Damascus (UTC+3) · 2016-09-19 16:30 – 2016-09-19 18:00 UTC");
	}

	@Test
	void inAScenarioKeptInUtcATimeIsWrittenOnce() {
		Instant at = Instant.parse("2016-09-19T16:30:00Z");

		assertThat(ReportPanel.when(new TimeSpan(at, at, TimePrecision.EXACT), ScenarioZone.UTC))
			.isEqualTo("19 Sep 2016, 16:30 UTC");
	}

	@Test
	void distancesAreWordedInMetresOrKilometres() {
		assertThat(ReportPanel.distance(100)).isEqualTo("100 m");
		assertThat(ReportPanel.distance(2_000)).isEqualTo("2 km");
		assertThat(ReportPanel.distance(2_500)).isEqualTo("2.5 km");
		assertThat(ReportPanel.distance(25_000)).isEqualTo("25 km");
		assertThat(ReportPanel.distance(150_000)).isEqualTo("150 km");
	}

	@Test
	void theEquipmentClassIsWordedWhenTheReportNamesOne() {
		ActorRegistry none = new ActorRegistry(List.of());
		CoarseGrid grid = new CoarseGrid(0.1);

		assertThat(ReportPanel
			.of(ReportFixture.report().equipment(EquipmentClass.HEAVY_WEAPONS).build(), null, none, grid, DAMASCUS)
			.equipment()).isEqualTo(EquipmentClass.HEAVY_WEAPONS.meaning());
		assertThat(ReportPanel.of(ReportFixture.report().build(), null, none, grid, DAMASCUS).equipment()).isNull();
	}

	@Test
	void theMapNoteSaysWhyReportsAreLeftOut() {
		assertThat(MapReportsController.note(0, 0)).isEmpty();
		assertThat(MapReportsController.note(1, 0)).startsWith("1 country-level aggregate is not mapped:");
		assertThat(MapReportsController.note(102, 3)).startsWith("102 country-level aggregates are not mapped:")
			.contains("3 older reports are not mapped: a map shows at most 10,000 points");
	}

}
