package org.truce.report.model;

import java.util.Objects;

/**
 * Where something happened: a WGS84 point, with the radius in metres around it inside
 * which the event took place.
 *
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 * @param precision how the point was coded
 * @param uncertaintyMetres the radius of uncertainty, at least the precision's own
 * @param placeName the place as reported, or null
 * @param admin1 the governorate as reported, or null
 * @param admin2 the district as reported, or null
 */
public record Location(double latitude, double longitude, LocationPrecision precision, double uncertaintyMetres,
		String placeName, String admin1, String admin2) {

	public Location {
		Objects.requireNonNull(precision, "precision");
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("coordinates out of range");
		}
		if (!(uncertaintyMetres >= 0)) {
			throw new IllegalArgumentException("negative uncertainty");
		}
	}

	/** A location whose uncertainty is the precision's own radius. */
	public static Location of(double latitude, double longitude, LocationPrecision precision, String placeName) {
		return new Location(latitude, longitude, precision, precision.radiusMetres(), placeName, null, null);
	}

}
