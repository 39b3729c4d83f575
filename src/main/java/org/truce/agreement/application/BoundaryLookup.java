package org.truce.agreement.application;

import java.util.Optional;

import org.locationtech.jts.geom.Geometry;

/**
 * Finds boundary features (administrative units, city neighbourhoods) that agreement
 * zones refer to. Geometries are WGS84 lon/lat.
 */
public interface BoundaryLookup {

	/**
	 * The union of the features of {@code layer} whose p-code or name (ignoring case,
	 * diacritics and transliteration) is {@code reference}, or of whose parent unit it
	 * is; empty when none is.
	 */
	Optional<Geometry> find(String layer, String reference);

}
