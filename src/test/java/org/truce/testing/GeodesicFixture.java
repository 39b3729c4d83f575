package org.truce.testing;

import org.truce.shared.Geodesic;

/**
 * Points at a given geodesic distance from a centre, for tests at the edge of a circle.
 * The distance is the production {@link Geodesic#distanceMetres}: the point is found by
 * bisecting along a great circle of the mean sphere until that distance matches.
 */
public final class GeodesicFixture {

	private GeodesicFixture() {
	}

	/**
	 * A point {@code metres} from ({@code lat}, {@code lon}) towards {@code bearing}
	 * (degrees clockwise from north), within a tenth of a millimetre; returns {lat, lon},
	 * lon in [-180, 180].
	 */
	public static double[] pointAt(double lat, double lon, double bearing, double metres) {
		double lo = 0;
		double hi = metres * 1.02 + 1;
		double[] best = destination(lat, lon, bearing, hi);
		for (int i = 0; i < 200 && hi - lo > 1e-9; i++) {
			double mid = (lo + hi) / 2;
			double[] p = destination(lat, lon, bearing, mid);
			double d = Geodesic.distanceMetres(lat, lon, p[0], p[1]);
			if (d < metres) {
				lo = mid;
			}
			else {
				hi = mid;
			}
			best = p;
		}
		double error = Math.abs(Geodesic.distanceMetres(lat, lon, best[0], best[1]) - metres);
		if (error > 1e-4) {
			throw new IllegalStateException("could not place a point " + metres + " m from " + lat + "," + lon
					+ " towards " + bearing + " (off by " + error + " m)");
		}
		return best;
	}

	/** The end of an arc of {@code metres} along a great circle of the mean sphere. */
	private static double[] destination(double lat, double lon, double bearing, double metres) {
		double delta = metres / Geodesic.MEAN_RADIUS;
		double phi1 = Math.toRadians(lat);
		double lambda1 = Math.toRadians(lon);
		double theta = Math.toRadians(bearing);
		// The end point as a unit vector (x towards the start's meridian at the equator,
		// y
		// east, z north), then atan2 rather than asin, which loses half its digits near
		// the
		// poles.
		double sinPhi2 = Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
		double x = Math.cos(phi1) * Math.cos(delta) - Math.sin(phi1) * Math.sin(delta) * Math.cos(theta);
		double y = Math.sin(theta) * Math.sin(delta);
		double phi2 = Math.atan2(sinPhi2, Math.hypot(x, y));
		double lambda2 = lambda1 + Math.atan2(y, x);
		double lon2 = Math.toDegrees(lambda2);
		lon2 = ((lon2 + 540) % 360) - 180;
		return new double[] { Math.toDegrees(phi2), lon2 };
	}

}
