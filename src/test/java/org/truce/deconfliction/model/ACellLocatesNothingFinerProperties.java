package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import org.truce.report.model.CoarseGrid;
import org.truce.report.model.EventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-interference of an at-risk report's exact place within its grid cell (issue 15): a
 * report matched by its cell raises alerts for the same places, with the same cell, cell
 * proximity and band of distances, wherever its point lies in the cell; so small
 * positions placed anywhere locate nothing finer than the cell. A report whose place is
 * not secret raises the same alerts for those who may not read it, and those of its point
 * for those who may. A report's point matches no place that its cell would not.
 */
class ACellLocatesNothingFinerProperties {

	private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	private static final CoarseGrid GRID = new CoarseGrid(0.1);

	private static final Instant T = Instant.parse("2016-09-19T12:00:00Z");

	@Property(tries = 200)
	void twoPointsOfOneCellRaiseTheSameCellAlerts(@ForAll long seed) {
		Random random = new Random(seed);
		ProximityIndex index = new ProximityIndex(smallPositionsAround(random), AlertDistances.of(1000));
		double south = 36.2;
		double west = 37.1;
		double r = random.nextInt(3) * 1000;
		IncidentProbe one = probe(south + random.nextDouble() * 0.1, west + random.nextDouble() * 0.1, r);
		IncidentProbe other = probe(south + random.nextDouble() * 0.1, west + random.nextDouble() * 0.1, r);

		List<String> first = seen(index.alerts(one, GRID, true));
		List<String> second = seen(index.alerts(other, GRID, true));

		assertThat(second).isEqualTo(first);
	}

	@Property(tries = 200)
	void thePointNeverMatchesAPlaceTheCellMisses(@ForAll long seed) {
		Random random = new Random(seed);
		ProximityIndex index = new ProximityIndex(smallPositionsAround(random), AlertDistances.of(1000));
		IncidentProbe p = probe(36.2 + random.nextDouble() * 0.1, 37.1 + random.nextDouble() * 0.1,
				random.nextInt(3) * 1000);

		Set<UUID> byPoint = index.alerts(p, GRID, false)
			.stream()
			.filter(m -> !m.cellOnly())
			.map(m -> m.point().place().id())
			.collect(Collectors.toSet());
		Set<UUID> byCell = index.alerts(p, GRID, true)
			.stream()
			.map(m -> m.point().place().id())
			.collect(Collectors.toSet());

		assertThat(byCell).containsAll(byPoint);
		index.alerts(p, GRID, false).forEach(m -> {
			if (m.cell().proximity() == Proximity.WITHIN) {
				assertThat(m.point().proximity()).as("the cell is never surer than the point")
					.isEqualTo(Proximity.WITHIN);
			}
			assertThat(m.cell().minMetres()).isLessThanOrEqualTo(m.point().distanceMetres());
			assertThat(m.cell().maxMetres()).isGreaterThanOrEqualTo(m.point().distanceMetres());
		});
	}

	/**
	 * A report whose place is not secret, moved within its cell, raises alerts for the
	 * same places, with the same cell match, in the same order: those who may not read it
	 * get them all, so which alerts exist, and their order, tell them nothing finer than
	 * the cell.
	 */
	@Property(tries = 200)
	void twoPointsOfOneCellRaiseTheSameAlertsForThoseWhoMayNotReadTheReport(@ForAll long seed) {
		Random random = new Random(seed);
		ProximityIndex index = new ProximityIndex(smallPositionsAround(random), AlertDistances.of(1000));
		double r = random.nextInt(3) * 1000;
		IncidentProbe one = probe(36.2 + random.nextDouble() * 0.1, 37.1 + random.nextDouble() * 0.1, r);
		IncidentProbe other = probe(36.2 + random.nextDouble() * 0.1, 37.1 + random.nextDouble() * 0.1, r);

		List<String> first = inOrder(index.alerts(one, GRID, false));
		List<String> second = inOrder(index.alerts(other, GRID, false));

		assertThat(second).isEqualTo(first);
	}

	/**
	 * Those who may read the report exactly keep the matches of its point: the alerts not
	 * raised by the cell alone are exactly the point's matches, with their proximity and
	 * distance.
	 */
	@Property(tries = 200)
	void thoseWhoReadTheReportKeepTheMatchesOfItsPoint(@ForAll long seed) {
		Random random = new Random(seed);
		ProximityIndex index = new ProximityIndex(smallPositionsAround(random), AlertDistances.of(1000));
		IncidentProbe p = probe(36.2 + random.nextDouble() * 0.1, 37.1 + random.nextDouble() * 0.1,
				random.nextInt(3) * 1000);

		Set<String> exact = index.alerts(p, GRID, false)
			.stream()
			.filter(m -> !m.cellOnly())
			.map(m -> m.point().toString())
			.collect(Collectors.toSet());
		Set<String> byPoint = index.alerts(p).stream().map(ProximityMatch::toString).collect(Collectors.toSet());

		assertThat(exact).isEqualTo(byPoint);
	}

	/** What a reader of the cell sees of each alert, in the order raised. */
	private static List<String> inOrder(List<ProximityIndex.Matched> alerts) {
		return alerts.stream()
			.map(m -> m.point().place().id() + " " + m.cell() + " " + m.point().timeStraddles())
			.toList();
	}

	/** What a reader of the cell sees of each alert: the place and the cell's match. */
	private static List<String> seen(List<ProximityIndex.Matched> alerts) {
		return alerts.stream()
			.map(m -> m.point().place().id() + " " + m.cell() + " " + m.point().timeStraddles())
			.sorted()
			.toList();
	}

	/**
	 * Points and small squares (up to 2 km) in and around the cell 36.2–36.3 N, 37.1–37.2
	 * E.
	 */
	private static List<ProtectedPlace> smallPositionsAround(Random random) {
		List<ProtectedPlace> places = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			double lat = 36.15 + random.nextDouble() * 0.2;
			double lon = 37.05 + random.nextDouble() * 0.2;
			var geometry = random.nextBoolean() ? WGS84.createPoint(new Coordinate(lon, lat))
					: square(lat, lon, 0.002 + random.nextDouble() * 0.018);
			places.add(new ProtectedPlace(new UUID(0, i), ProtectedPlaceKind.DECLARED_POSITION, "p" + i, geometry,
					T.minusSeconds(3600), T.plusSeconds(3600), "united-states", "declarer"));
		}
		return places;
	}

	private static org.locationtech.jts.geom.Polygon square(double lat, double lon, double side) {
		return WGS84.createPolygon(new Coordinate[] { new Coordinate(lon, lat), new Coordinate(lon + side, lat),
				new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat) });
	}

	private static IncidentProbe probe(double lat, double lon, double r) {
		return new IncidentProbe(lat, lon, r, T, T, EventType.AIR_DRONE_STRIKE);
	}

}
