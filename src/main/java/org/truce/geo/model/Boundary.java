package org.truce.geo.model;

import java.util.Objects;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * One administrative unit: its p-code, its names and its area. Coordinates are WGS84
 * (EPSG:4326) with x = longitude and y = latitude, as in GeoJSON. The geometry is never
 * modified after construction.
 *
 * @param layer the admin level
 * @param pcode the OCHA p-code, such as {@code SY02} (Aleppo governorate); unique across
 * layers
 * @param name the English name
 * @param nameAr the Arabic name, or null
 * @param parentPcode the p-code of the unit one level up, or null for the country
 * @param geometry the unit's area
 */
public record Boundary(BoundaryLayer layer, String pcode, String name, String nameAr, String parentPcode,
		MultiPolygon geometry) {

	public Boundary {
		Objects.requireNonNull(layer, "layer");
		Objects.requireNonNull(pcode, "pcode");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(geometry, "geometry");
		if (pcode.isBlank()) {
			throw new IllegalArgumentException("blank pcode");
		}
		if (geometry.isEmpty()) {
			throw new IllegalArgumentException("empty geometry for " + pcode);
		}
	}

	/** The smallest longitude/latitude box holding the unit. */
	public Envelope bbox() {
		return this.geometry.getEnvelopeInternal();
	}

}
