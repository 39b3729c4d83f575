package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import org.truce.report.model.EventType;
import org.truce.shared.Geodesic;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The indexed check against a plain reference on random places and incidents: every place
 * is tried (no index), and the distance to a line or polygon is the least Vincenty
 * distance to its vertices and to points every 2 m along its edges (0 inside a polygon).
 */
class ProximityProperties {

	private static final GeometryFactory WGS84 = new GeometryFactory();

	private static final Instant BASE = Instant.parse("2016-09-19T00:00:00Z");

	@SlowTest
	@Property(tries = 40)
	void theIndexFindsExactlyThePlacesTheReferenceFinds(@ForAll long seed) {
		Random random = new Random(seed);
		List<ProtectedPlace> places = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			places.add(randomPlace(random));
		}
		AlertDistances distances = new AlertDistances(200 + random.nextInt(1500), 200 + random.nextInt(1500),
				200 + random.nextInt(1500));
		ProximityIndex index = new ProximityIndex(places, distances);
		for (int q = 0; q < 20; q++) {
			IncidentProbe probe = randomProbe(random);
			Map<UUID, ProximityMatch> found = new HashMap<>();
			index.near(probe).forEach(m -> found.put(m.place().id(), m));
			for (ProtectedPlace place : places) {
				double reach = distances.of(place.kind()) + probe.uncertaintyMetres() + 100;
				if (lowerBoundMetres(place.geometry(), probe) > reach) {
					assertThat(found).doesNotContainKey(place.id());
					continue;
				}
				double reference = referenceMetres(place.geometry(), probe.latitude(), probe.longitude());
				Proximity expected = referenceProximity(place, reference, probe, distances);
				ProximityMatch m = found.get(place.id());
				double threshold = distances.of(place.kind());
				double r = probe.uncertaintyMetres();
				// The reference samples edges every 2 m, so it may be up to 1 m long;
				// the index may be long by a few centimetres: skip the knife edges.
				boolean knifeEdge = Math.abs(reference - r - threshold) < 1.5
						|| Math.abs(reference + r - threshold) < 1.5;
				if (knifeEdge) {
					continue;
				}
				if (expected == null) {
					assertThat(m).as("%s at %.1f m from the incident", place.kind(), reference).isNull();
				}
				else {
					assertThat(m).as("%s at %.1f m from the incident", place.kind(), reference).isNotNull();
					assertThat(m.proximity()).isEqualTo(expected);
					assertThat(m.distanceMetres()).isCloseTo(reference, within(1.1));
				}
			}
		}
	}

	@Property(tries = 200)
	void widerUncertaintyNeverTurnsAPossibleMatchIntoASureOneOrDropsAMatch(@ForAll long seed) {
		Random random = new Random(seed);
		List<ProtectedPlace> places = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			places.add(randomPlace(random));
		}
		ProximityIndex index = new ProximityIndex(places, AlertDistances.of(1000));
		IncidentProbe narrow = randomProbe(random);
		IncidentProbe wide = new IncidentProbe(narrow.latitude(), narrow.longitude(),
				narrow.uncertaintyMetres() + random.nextInt(5000), narrow.start(), narrow.end(), narrow.eventType());
		Map<UUID, Proximity> before = new HashMap<>();
		index.near(narrow).forEach(m -> before.put(m.place().id(), m.proximity()));
		Map<UUID, Proximity> after = new HashMap<>();
		index.near(wide).forEach(m -> after.put(m.place().id(), m.proximity()));

		assertThat(after.keySet()).containsAll(before.keySet());
		after.forEach((id, p) -> {
			if (p == Proximity.WITHIN) {
				assertThat(before.get(id)).isEqualTo(Proximity.WITHIN);
			}
		});
	}

	private static Proximity referenceProximity(ProtectedPlace place, double d, IncidentProbe probe,
			AlertDistances distances) {
		Instant from = place.from();
		Instant to = place.to();
		if (from != null && probe.end().isBefore(from) || to != null && probe.start().isAfter(to)) {
			return null;
		}
		boolean timeInside = (from == null || !probe.start().isBefore(from))
				&& (to == null || !probe.end().isAfter(to));
		double t = distances.of(place.kind());
		double r = probe.uncertaintyMetres();
		if (d - r > t) {
			return null;
		}
		return d + r <= t && timeInside ? Proximity.WITHIN : Proximity.POSSIBLY_WITHIN;
	}

	/**
	 * A cheap lower bound: the planar distance in degrees times 85 km, less than a degree
	 * of longitude or latitude anywhere in the test area (about 36.1 to 36.3 N).
	 */
	private static double lowerBoundMetres(Geometry g, IncidentProbe probe) {
		return g.distance(WGS84.createPoint(new Coordinate(probe.longitude(), probe.latitude()))) * 85_000;
	}

	static double referenceMetres(Geometry g, double lat, double lon) {
		if (g instanceof Polygon p && p.covers(WGS84.createPoint(new Coordinate(lon, lat)))) {
			return 0;
		}
		Coordinate[] cs = g.getCoordinates();
		double best = Double.POSITIVE_INFINITY;
		for (int i = 0; i < cs.length; i++) {
			best = Math.min(best, Geodesic.distanceMetres(lat, lon, cs[i].y, cs[i].x));
			if (i + 1 < cs.length && !(g instanceof Point)) {
				double length = Geodesic.distanceMetres(cs[i].y, cs[i].x, cs[i + 1].y, cs[i + 1].x);
				int steps = (int) Math.ceil(length / 2);
				for (int s = 1; s < steps; s++) {
					double f = (double) s / steps;
					double y = cs[i].y + f * (cs[i + 1].y - cs[i].y);
					double x = cs[i].x + f * (cs[i + 1].x - cs[i].x);
					best = Math.min(best, Geodesic.distanceMetres(lat, lon, y, x));
				}
			}
		}
		return best;
	}

	/**
	 * A site (point or small polygon), a route or a declared area within 0.1 degrees of
	 * 36.2 N 37.1 E.
	 */
	private static ProtectedPlace randomPlace(Random random) {
		double lat = 36.2 + (random.nextDouble() - 0.5) * 0.2;
		double lon = 37.1 + (random.nextDouble() - 0.5) * 0.2;
		int shape = random.nextInt(4);
		Geometry g;
		ProtectedPlaceKind kind;
		if (shape == 0) {
			g = WGS84.createPoint(new Coordinate(lon, lat));
			kind = ProtectedPlaceKind.SITE;
		}
		else if (shape == 1) {
			g = square(lat, lon, 0.001 + random.nextDouble() * 0.01);
			kind = random.nextBoolean() ? ProtectedPlaceKind.SITE : ProtectedPlaceKind.DECLARED_POSITION;
		}
		else {
			int n = 2 + random.nextInt(5);
			Coordinate[] cs = new Coordinate[n];
			for (int i = 0; i < n; i++) {
				cs[i] = new Coordinate(lon + (random.nextDouble() - 0.5) * 0.04,
						lat + (random.nextDouble() - 0.5) * 0.04);
			}
			LineString line = WGS84.createLineString(cs);
			g = line;
			kind = ProtectedPlaceKind.MOVEMENT;
		}
		Instant from = random.nextInt(3) == 0 ? null : BASE.plusSeconds(random.nextInt(86_400));
		Instant to = random.nextInt(3) == 0 ? null : (from == null ? BASE : from).plusSeconds(random.nextInt(86_400));
		return new ProtectedPlace(UUID.randomUUID(), kind, "random", g, from, to,
				kind == ProtectedPlaceKind.DECLARED_POSITION ? "russia" : null, "test");
	}

	private static Polygon square(double lat, double lon, double size) {
		return WGS84.createPolygon(new Coordinate[] { new Coordinate(lon, lat), new Coordinate(lon + size, lat),
				new Coordinate(lon + size, lat + size * 0.8), new Coordinate(lon, lat + size * 0.8),
				new Coordinate(lon, lat) });
	}

	private static IncidentProbe randomProbe(Random random) {
		double lat = 36.2 + (random.nextDouble() - 0.5) * 0.2;
		double lon = 37.1 + (random.nextDouble() - 0.5) * 0.2;
		double radius = random.nextInt(4) == 0 ? 0 : random.nextInt(3000);
		Instant start = BASE.minusSeconds(3600).plusSeconds(random.nextInt(2 * 86_400));
		Instant end = start.plusSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(20_000));
		return new IncidentProbe(lat, lon, radius, start, end, EventType.AIR_DRONE_STRIKE);
	}

}
