package org.truce.report.application;

import java.util.Optional;

/**
 * Where news items can be placed: the scenario's gazetteer and country, as the caller
 * knows them (the report context knows no geography).
 */
public interface NewsPlaces {

	/**
	 * The one place of this name, or empty when there is none or several far apart.
	 */
	Optional<Known> town(String name);

	/** The point that stands for the whole country, with a radius that covers it. */
	Known country();

	/**
	 * A named point.
	 *
	 * @param name as the gazetteer writes it
	 * @param latitude WGS84 degrees north
	 * @param longitude WGS84 degrees east
	 * @param admin1 the governorate's name or p-code, or null
	 * @param radiusMetres the uncertainty radius to use around it, or null for its
	 * precision's
	 */
	record Known(String name, double latitude, double longitude, String admin1, Double radiusMetres) {

	}

}
