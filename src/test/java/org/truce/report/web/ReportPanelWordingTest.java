package org.truce.report.web;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.actor.model.ActorRegistry;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.testing.ReportFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** How the report panel words times and distances for a reader. */
class ReportPanelWordingTest {

	@Test
	void aReportOnOneDayShowsThatDay() {
		TimeSpan day = new TimeSpan(Instant.parse("2016-09-19T00:00:00Z"), Instant.parse("2016-09-19T23:59:59.999Z"),
				TimePrecision.DAY);

		assertThat(ReportPanel.when(day)).isEqualTo("2016-09-19");
	}

	@Test
	void aReportOverSeveralDaysShowsTheFirstAndLastDay() {
		TimeSpan days = new TimeSpan(Instant.parse("2016-03-24T00:00:00Z"), Instant.parse("2016-03-27T23:59:59.999Z"),
				TimePrecision.DAYS);

		assertThat(ReportPanel.when(days)).isEqualTo("2016-03-24 – 2016-03-27");
		assertThat(ReportPanel.timePrecision(TimePrecision.DAYS)).isEqualTo("within 2–6 days");
	}

	@Test
	void aReportWithAnExactTimeShowsItToTheMinuteInUtc() {
		Instant at = Instant.parse("2016-09-19T16:30:00Z");

		assertThat(ReportPanel.when(new TimeSpan(at, at, TimePrecision.EXACT))).isEqualTo("2016-09-19 16:30 UTC");
		assertThat(ReportPanel.when(new TimeSpan(at, at.plusSeconds(5400), TimePrecision.EXACT)))
			.isEqualTo("2016-09-19 16:30 UTC – 2016-09-19 18:00 UTC");
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

		assertThat(
				ReportPanel.of(ReportFixture.report().equipment(EquipmentClass.HEAVY_WEAPONS).build(), null, none, grid)
					.equipment())
			.isEqualTo(EquipmentClass.HEAVY_WEAPONS.meaning());
		assertThat(ReportPanel.of(ReportFixture.report().build(), null, none, grid).equipment()).isNull();
	}

	@Test
	void theMapNoteSaysWhyReportsAreLeftOut() {
		assertThat(MapReportsController.note(0, 0)).isEmpty();
		assertThat(MapReportsController.note(1, 0)).startsWith("1 country-level aggregate is not mapped:");
		assertThat(MapReportsController.note(102, 3)).startsWith("102 country-level aggregates are not mapped:")
			.contains("3 older reports are not mapped: a map shows at most 10,000 points");
	}

}
