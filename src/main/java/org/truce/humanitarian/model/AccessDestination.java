package org.truce.humanitarian.model;

import java.util.Objects;

/**
 * Where an access request's delivery goes, or where it was stopped.
 *
 * @param name the place as the notifier names it
 * @param latitude WGS84 degrees north
 * @param longitude WGS84 degrees east
 */
public record AccessDestination(String name, double latitude, double longitude) {

	public AccessDestination {
		Objects.requireNonNull(name, "name");
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("coordinates out of range");
		}
	}

}
