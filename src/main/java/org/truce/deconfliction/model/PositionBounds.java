package org.truce.deconfliction.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import org.truce.shared.ErrorCode;
import org.truce.shared.Geodesic;
import org.truce.shared.Problem;

/**
 * How large and how long a declared position may be. A position is where a side's own
 * forces operate; its alerts tell that side about violent reports near it. An unbounded
 * one (the whole country, for a year) would make every report an alert to that side, so a
 * declaration is refused when its area or its window is over the bound.
 *
 * @param maxAreaKm2 the largest area, in square kilometres, greater than 0
 * @param maxWindowDays the longest window ({@code to − from}), in days of 24 hours,
 * greater than 0
 */
public record PositionBounds(double maxAreaKm2, int maxWindowDays) {

	/**
	 * A battalion's area of operations for a month: up to about 30 km by 30 km, for 31
	 * days.
	 */
	public static final PositionBounds BATTALION_MONTH = new PositionBounds(1000, 31);

	public PositionBounds {
		if (!(maxAreaKm2 > 0)) {
			throw new IllegalArgumentException("the largest area of a declared position must be more than 0 km²");
		}
		if (maxWindowDays < 1) {
			throw new IllegalArgumentException("the longest window of a declared position must be a day or more");
		}
	}

	/**
	 * Adds a problem for each bound the declaration is over: POSITION_TOO_LARGE on
	 * {@code area}, POSITION_WINDOW_TOO_LONG on {@code to}. A null argument is left to
	 * other checks.
	 */
	public void check(Geometry area, Instant from, Instant to, List<Problem> problems) {
		if (area != null) {
			double km2 = areaKm2(area);
			if (km2 > this.maxAreaKm2) {
				problems.add(Problem.keyed(ErrorCode.POSITION_TOO_LARGE, "area", "km2",
						String.format(Locale.ROOT, "%.0f", km2), number(this.maxAreaKm2)));
			}
		}
		if (from != null && to != null && Duration.between(from, to).compareTo(maxWindow()) > 0) {
			problems.add(Problem.keyed(ErrorCode.POSITION_WINDOW_TOO_LONG, "to", "days",
					number(Duration.between(from, to).toMinutes() / 1440.0), this.maxWindowDays));
		}
	}

	public Duration maxWindow() {
		return Duration.ofDays(this.maxWindowDays);
	}

	/**
	 * The area of a WGS84 (x = longitude) polygon or multipolygon, holes taken out, in
	 * square kilometres, on the sphere of the ellipsoid's mean radius; 0 for a point or a
	 * line. Each ring's area is R²/2 · |Σ (λ₂ − λ₁)(2 + sin φ₁ + sin φ₂)| (Chamberlain
	 * and Duquette, "Some algorithms for polygons on a sphere", 2007), within half a
	 * percent of the ellipsoidal area at Syria's latitudes: enough for a bound.
	 */
	public static double areaKm2(Geometry g) {
		double m2 = 0;
		for (int i = 0; i < g.getNumGeometries(); i++) {
			Geometry part = g.getGeometryN(i);
			if (part instanceof Polygon p) {
				m2 += ring(p.getExteriorRing());
				for (int h = 0; h < p.getNumInteriorRing(); h++) {
					m2 -= ring(p.getInteriorRingN(h));
				}
			}
		}
		return Math.max(0, m2) / 1e6;
	}

	private static double ring(LineString ring) {
		Coordinate[] c = ring.getCoordinates();
		double sum = 0;
		for (int i = 0; i + 1 < c.length; i++) {
			double dLon = Math.toRadians(c[i + 1].x - c[i].x);
			sum += dLon * (2 + Math.sin(Math.toRadians(c[i].y)) + Math.sin(Math.toRadians(c[i + 1].y)));
		}
		return Math.abs(sum) * Geodesic.MEAN_RADIUS * Geodesic.MEAN_RADIUS / 2;
	}

	private static String number(double x) {
		return x == Math.rint(x) ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.1f", x);
	}

}
