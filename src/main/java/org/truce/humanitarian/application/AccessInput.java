package org.truce.humanitarian.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.truce.actor.model.ActorRegistry;
import org.truce.geo.application.GeoJson;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Reads the fields of the humanitarian access forms, adding a problem named after the
 * field for each one that is missing or malformed (and returning null for it).
 */
final class AccessInput {

	private AccessInput() {
	}

	/** A GeoJSON LineString (RFC 7946 §3.1.4) of at least two WGS84 positions. */
	static LineString lineString(JsonNode node, String field, List<Problem> problems) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return null;
		}
		if (!"LineString".equals(node.path("type").asString(""))) {
			problems.add(Problem.of(ErrorCode.NOT_A_LINESTRING, field));
			return null;
		}
		Coordinate[] coordinates = positions(node.path("coordinates"), field, problems);
		if (coordinates == null) {
			return null;
		}
		if (coordinates.length < 2) {
			problems.add(Problem.of(ErrorCode.NOT_A_LINESTRING, field));
			return null;
		}
		return GeoJson.WGS84.createLineString(coordinates);
	}

	/** A GeoJSON Polygon or MultiPolygon of WGS84 positions, valid as JTS judges it. */
	static Geometry area(JsonNode node, String field, List<Problem> problems) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return null;
		}
		String type = node.path("type").asString("");
		if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "area", field));
			return null;
		}
		try {
			Geometry g = GeoJson.parse(node.toString());
			for (Coordinate c : g.getCoordinates()) {
				if (!inRange(c)) {
					throw new IllegalArgumentException("out of range");
				}
			}
			if (!g.isValid() || g.isEmpty()) {
				throw new IllegalArgumentException("invalid polygon");
			}
			return g;
		}
		catch (RuntimeException ex) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "polygon", field));
			return null;
		}
	}

	private static Coordinate[] positions(JsonNode array, String field, List<Problem> problems) {
		if (!array.isArray()) {
			problems.add(Problem.of(ErrorCode.NOT_A_LINESTRING, field));
			return null;
		}
		Coordinate[] out = new Coordinate[array.size()];
		for (int i = 0; i < out.length; i++) {
			JsonNode p = array.get(i);
			if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field + ".coordinates[" + i + "]", "position"));
				return null;
			}
			out[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
			if (!inRange(out[i])) {
				problems
					.add(Problem.keyed(ErrorCode.INVALID_VALUE, field + ".coordinates[" + i + "]", "positionRange"));
				return null;
			}
		}
		return out;
	}

	private static boolean inRange(Coordinate c) {
		return c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90;
	}

	static LocalDate date(String text, String field, List<Problem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "date", field));
			return null;
		}
	}

	/** Required text of at most {@code max} characters, stripped. */
	static String text(String value, String field, int max, boolean required, List<Problem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			}
			return null;
		}
		if (value.length() > max) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, field));
			return null;
		}
		return value.strip();
	}

	/** A known actor id, stripped. */
	static String actor(String id, String field, boolean required, ActorRegistry registry, List<Problem> problems) {
		if (id == null || id.isBlank()) {
			if (required) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			}
			return null;
		}
		if (registry.byId(id.strip()).isEmpty()) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, field, id.strip()));
			return null;
		}
		return id.strip();
	}

	static boolean latitude(Double lat, String field, List<Problem> problems) {
		if (lat == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return false;
		}
		if (!(lat >= -90 && lat <= 90)) {
			problems.add(Problem.of(ErrorCode.LATITUDE_OUT_OF_RANGE, field));
			return false;
		}
		return true;
	}

	static boolean longitude(Double lon, String field, List<Problem> problems) {
		if (lon == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			return false;
		}
		if (!(lon >= -180 && lon <= 180)) {
			problems.add(Problem.of(ErrorCode.LONGITUDE_OUT_OF_RANGE, field));
			return false;
		}
		return true;
	}

}
