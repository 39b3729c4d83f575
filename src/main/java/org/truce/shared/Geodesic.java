package org.truce.shared;

/**
 * Distances on the WGS84 ellipsoid. Thread-safe; no state.
 *
 * <p>
 * {@link #distanceMetres} solves the inverse geodesic problem with Vincenty's iteration
 * (Survey Review 23(176), 1975), accurate to well under a millimetre. For nearly
 * antipodal points, where the iteration may not converge, it falls back to the spherical
 * great-circle distance on the mean radius, whose error (under 0.5 %) is irrelevant at
 * such distances for Truce's purposes.
 */
public final class Geodesic {

	/** WGS84 semi-major axis, metres. */
	public static final double A = 6_378_137.0;

	/** WGS84 flattening. */
	public static final double F = 1 / 298.257223563;

	/** WGS84 semi-minor axis, metres. */
	public static final double B = A * (1 - F);

	/** Mean radius (2a+b)/3, metres. */
	public static final double MEAN_RADIUS = (2 * A + B) / 3;

	private Geodesic() {
	}

	/**
	 * The geodesic distance in metres between two points given in degrees (latitude,
	 * longitude).
	 */
	public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
		if (lat1 == lat2 && lon1 == lon2) {
			return 0;
		}
		double l = Math.toRadians(lon2 - lon1);
		double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
		double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
		double sinU1 = Math.sin(u1);
		double cosU1 = Math.cos(u1);
		double sinU2 = Math.sin(u2);
		double cosU2 = Math.cos(u2);
		double lambda = l;
		for (int i = 0; i < 200; i++) {
			double sinLambda = Math.sin(lambda);
			double cosLambda = Math.cos(lambda);
			double sinSigma = Math
				.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
			if (sinSigma == 0) {
				return 0;
			}
			double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
			double sigma = Math.atan2(sinSigma, cosSigma);
			double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
			double cos2Alpha = 1 - sinAlpha * sinAlpha;
			double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
			double c = F / 16 * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
			double previous = lambda;
			lambda = l + (1 - c) * F * sinAlpha
					* (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
			if (Math.abs(lambda - previous) < 1e-12) {
				double uSq = cos2Alpha * (A * A - B * B) / (B * B);
				double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
				double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
				double deltaSigma = bigB * sinSigma
						* (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - bigB / 6
								* cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
				return B * bigA * (sigma - deltaSigma);
			}
		}
		return greatCircleMetres(lat1, lon1, lat2, lon2);
	}

	/** The haversine distance on a sphere of the mean radius, metres. */
	public static double greatCircleMetres(double lat1, double lon1, double lat2, double lon2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
		return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
	}

	/**
	 * A longitude/latitude box, in degrees, that contains every point within
	 * {@code radiusMetres} of the centre. It is slightly larger than needed; use it to
	 * pre-filter, then test exactly. Returns {minLon, minLat, maxLon, maxLat}; near a
	 * pole or the antimeridian the longitudes span the globe.
	 */
	public static double[] boundingBox(double lat, double lon, double radiusMetres) {
		// A degree of latitude is at least 110,574 m; pad by 1 % and a metre for
		// rounding.
		double r = radiusMetres * 1.01 + 1;
		double dLat = r / 110_574.0;
		double minLat = Math.max(-90, lat - dLat);
		double maxLat = Math.min(90, lat + dLat);
		double widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
		if (widestLat >= 89.0) {
			return new double[] { -180, minLat, 180, maxLat };
		}
		// A degree of longitude at latitude phi is at least 111,320 * cos(phi) * (1 - f)
		// metres.
		double metresPerLonDegree = 111_320.0 * Math.cos(Math.toRadians(widestLat)) * (1 - F);
		double dLon = r / metresPerLonDegree;
		if (lon - dLon < -180 || lon + dLon > 180) {
			return new double[] { -180, minLat, 180, maxLat };
		}
		return new double[] { lon - dLon, minLat, lon + dLon, maxLat };
	}

}
