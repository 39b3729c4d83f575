package org.truce.deconfliction.application;

import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Reads a GeoJSON geometry (RFC 7946: WGS84, {@code [longitude, latitude]}) sent by a
 * client and checks it: one of the allowed types, every position in range, not empty, and
 * (for polygons) valid as OGC simple features. Each refusal is a {@link Problem} naming
 * the field.
 */
final class GeometryInput {

	static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	/** The most positions a geometry may have. */
	static final int MAX_POSITIONS = 10_000;

	private GeometryInput() {
	}

	/**
	 * The geometry, or null after adding the reason it is refused to {@code problems}.
	 * @param geoJson the geometry object's JSON text, or null when absent
	 */
	static Geometry read(String field, String geoJson, Set<String> allowedTypes, List<Problem> problems) {
		if (geoJson == null || geoJson.isBlank() || geoJson.equals("null")) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return null;
		}
		Geometry g;
		try {
			g = new GeoJsonReader(WGS84).read(geoJson);
		}
		catch (Exception ex) {
			// GeoJsonReader throws ParseException, and runtime exceptions (class casts,
			// missing members) on JSON that is not a geometry.
			problems.add(Problem.keyed(ErrorCode.GEOMETRY_INVALID, field, "why", field, ex.getMessage()));
			return null;
		}
		if (g == null || !allowedTypes.contains(g.getGeometryType())) {
			problems.add(g == null
					? Problem.keyed(ErrorCode.GEOMETRY_TYPE_NOT_ALLOWED, field, "allowed", field,
							String.join(", ", allowedTypes.stream().sorted().toList()))
					: Problem.keyed(ErrorCode.GEOMETRY_TYPE_NOT_ALLOWED, field, "notA", field,
							String.join(", ", allowedTypes.stream().sorted().toList()), g.getGeometryType()));
			return null;
		}
		if (g.isEmpty()) {
			problems.add(Problem.keyed(ErrorCode.GEOMETRY_INVALID, field, "empty", field));
			return null;
		}
		if (g.getNumPoints() > MAX_POSITIONS) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, field));
			return null;
		}
		for (Coordinate c : g.getCoordinates()) {
			if (!Double.isFinite(c.getX()) || c.getX() < -180 || c.getX() > 180) {
				problems.add(Problem.of(ErrorCode.LONGITUDE_OUT_OF_RANGE, field));
				return null;
			}
			if (!Double.isFinite(c.getY()) || c.getY() < -90 || c.getY() > 90) {
				problems.add(Problem.of(ErrorCode.LATITUDE_OUT_OF_RANGE, field));
				return null;
			}
		}
		if (g.getGeometryType().equals("LineString") && g.getNumPoints() < 2) {
			problems.add(Problem.keyed(ErrorCode.GEOMETRY_INVALID, field, "route"));
			return null;
		}
		if (g.getDimension() == 2 && !g.isValid()) {
			problems.add(Problem.keyed(ErrorCode.GEOMETRY_INVALID, field, "polygon", field));
			return null;
		}
		return g;
	}

}
