package org.truce.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bounding box of Syria used by the benchmarks and the tests' synthetic data:
 * longitude 35.7 to 42.4 E, latitude 32.3 to 37.4 N (WGS84 degrees). Points are drawn
 * uniformly in degrees.
 */
public final class SyriaBox {

	public static final double MIN_LON = 35.7;

	public static final double MAX_LON = 42.4;

	public static final double MIN_LAT = 32.3;

	public static final double MAX_LAT = 37.4;

	private SyriaBox() {
	}

	public static Point point(Random random) {
		double lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
		double lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
		return new Point(lat, lon);
	}

	/**
	 * {@code n} points from a generator seeded with {@code seed}: the same for every run.
	 */
	public static List<Point> points(long seed, int n) {
		Random random = new Random(seed);
		List<Point> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(point(random));
		}
		return out;
	}

	/** A WGS84 point in degrees. */
	public record Point(double latitude, double longitude) {

	}

}
