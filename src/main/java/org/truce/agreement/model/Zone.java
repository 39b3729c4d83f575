package org.truce.agreement.model;

import java.util.Objects;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/**
 * A named area of an agreement, as a polygonal geometry in WGS84 longitude/latitude
 * degrees. The geometry is never modified after construction.
 *
 * @param id stable id within the agreement
 * @param name for people
 * @param geometry a Polygon or MultiPolygon, lon/lat
 * @param definition how the zone was defined: a GeoJSON polygon, a boundary reference
 * (layer and p-code or name) or a line buffered by a width; kept so that every finding
 * can say it
 * @param route for a zone drawn as a route, the route's line (lon/lat, in the order its
 * points were given), from which a term may measure distances; null for other zones
 */
public record Zone(String id, String name, Geometry geometry, String definition, LineString route) {

	public Zone {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(geometry, "geometry");
	}

	/** A zone that is not drawn as a route. */
	public Zone(String id, String name, Geometry geometry, String definition) {
		this(id, name, geometry, definition, null);
	}

}
