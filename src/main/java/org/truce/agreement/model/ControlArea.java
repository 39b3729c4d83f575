package org.truce.agreement.model;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * An area held by one actor over a period, from a delineation (control map). Geometry in
 * WGS84 lon/lat degrees, never modified after construction.
 *
 * @param id stable id
 * @param actorId who holds it
 * @param geometry a Polygon or MultiPolygon
 * @param valid when the actor holds it
 * @param source where the delineation comes from, or the assumption behind it
 */
public record ControlArea(String id, String actorId, Geometry geometry, Period valid, String source) {

	public ControlArea {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(actorId, "actorId");
		Objects.requireNonNull(geometry, "geometry");
		Objects.requireNonNull(valid, "valid");
	}

}
