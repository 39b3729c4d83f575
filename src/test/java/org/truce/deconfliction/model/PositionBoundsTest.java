package org.truce.deconfliction.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PositionBoundsTest {

	private static final Instant FROM = Instant.parse("2016-09-01T00:00:00Z");

	@Test
	void aSquareOfAFifthOfADegreeNearAleppoIsAboutFourHundredSquareKilometres() throws ParseException {
		// 0.2° of latitude is 22.2 km; 0.2° of longitude at 36.2° N is 17.9 km.
		double km2 = PositionBounds.areaKm2(wkt("POLYGON ((37 36.1, 37.2 36.1, 37.2 36.3, 37 36.3, 37 36.1))"));

		assertThat(km2).isCloseTo(22.24 * 17.95, within(4.0));
	}

	@Test
	void holesAreTakenOutAndPointsHaveNoArea() throws ParseException {
		double shell = PositionBounds.areaKm2(wkt("POLYGON ((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36))"));
		double withHole = PositionBounds.areaKm2(wkt(
				"POLYGON ((37 36, 37.2 36, 37.2 36.2, 37 36.2, 37 36), (37.05 36.05, 37.15 36.05, 37.15 36.15, 37.05 36.15, 37.05 36.05))"));

		assertThat(withHole).isCloseTo(shell * 0.75, within(shell * 0.01));
		assertThat(PositionBounds.areaKm2(wkt("POINT (37 36)"))).isZero();
	}

	@Test
	void aMultiPolygonCountsEveryPart() throws ParseException {
		double one = PositionBounds.areaKm2(wkt("POLYGON ((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36))"));
		double two = PositionBounds
			.areaKm2(wkt("MULTIPOLYGON (((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36)), ((40 36, 40.1 36, 40.1 36.1,"
					+ " 40 36.1, 40 36)))"));

		assertThat(two).isCloseTo(2 * one, within(0.01));
	}

	@Test
	void theBoundsAreThoseConfiguredAndEachNamesItsField() throws ParseException {
		PositionBounds small = new PositionBounds(50, 7);
		Geometry hundred = wkt("POLYGON ((37 36, 37.1 36, 37.1 36.1, 37 36.1, 37 36))");
		List<Problem> problems = new ArrayList<>();

		small.check(hundred, FROM, FROM.plus(Duration.ofDays(8)), problems);

		assertThat(problems).extracting(Problem::code)
			.containsExactly(ErrorCode.POSITION_TOO_LARGE, ErrorCode.POSITION_WINDOW_TOO_LONG);
		assertThat(problems).extracting(Problem::field).containsExactly("area", "to");
		assertThat(problems.get(0).detail()).contains("at most 50 km²");
		assertThat(problems.get(1).detail()).contains("at most 7 days");

		List<Problem> none = new ArrayList<>();
		PositionBounds.BATTALION_MONTH.check(hundred, FROM, FROM.plus(Duration.ofDays(31)), none);
		assertThat(none).isEmpty();
	}

	private static Geometry wkt(String text) throws ParseException {
		return new WKTReader().read(text);
	}

}
