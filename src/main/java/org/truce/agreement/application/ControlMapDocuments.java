package org.truce.agreement.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.Period;

/**
 * Reads a control map: a GeoJSON FeatureCollection of polygonal features with the
 * properties {@code id}, {@code actor}, {@code validFrom}, {@code validTo} (null for
 * open) and {@code source}. Faults are located by the feature's position
 * ({@code features[3]}) since GeoJSON has no lines to speak of once minified.
 */
public final class ControlMapDocuments {

	private final JsonMapper json = JsonMapper.builder().build();

	/** The areas, or the faults that kept the map from being read. */
	public record Parsed(List<ControlArea> areas, List<DocumentError> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	public Parsed parse(String file, String text) {
		List<DocumentError> errors = new ArrayList<>();
		JsonNode root;
		try {
			root = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			int line = ex.getLocation() == null ? 1 : ex.getLocation().getLineNr();
			int column = ex.getLocation() == null ? 1 : ex.getLocation().getColumnNr();
			return new Parsed(List.of(),
					List.of(new DocumentError(file, line, column, "not valid JSON: " + ex.getOriginalMessage())));
		}
		JsonNode features = root.get("features");
		if (!"FeatureCollection".equals(root.path("type").asString("")) || features == null || !features.isArray()) {
			return new Parsed(List.of(),
					List.of(new DocumentError(file, 1, 1, "a control map is a GeoJSON FeatureCollection")));
		}
		GeoJsonReader reader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
		List<ControlArea> areas = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode f = features.get(i);
			String where = "features[" + i + "]";
			JsonNode p = f.path("properties");
			String id = p.path("id").asString(null);
			String actor = p.path("actor").asString(null);
			if (id == null || id.isBlank()) {
				errors.add(new DocumentError(file, 1, 1, where + ": missing property 'id'"));
				continue;
			}
			where = where + " (" + id + ")";
			if (!ids.add(id)) {
				errors.add(new DocumentError(file, 1, 1, where + ": id is used twice"));
			}
			if (actor == null || actor.isBlank()) {
				errors.add(new DocumentError(file, 1, 1, where + ": missing property 'actor'"));
			}
			Instant from = instant(p.path("validFrom").asString(null), where + ".validFrom", file, errors, true);
			Instant to = instant(p.path("validTo").asString(null), where + ".validTo", file, errors, false);
			if (from != null && to != null && to.isBefore(from)) {
				errors.add(new DocumentError(file, 1, 1, where + ": validTo is before validFrom"));
				continue;
			}
			Geometry geometry;
			try {
				geometry = reader.read(f.get("geometry").toString());
			}
			catch (Exception ex) {
				errors.add(new DocumentError(file, 1, 1, where + ": not a GeoJSON geometry: " + ex.getMessage()));
				continue;
			}
			if (!(geometry instanceof Polygonal)) {
				errors.add(new DocumentError(file, 1, 1, where + ": a control area must be a Polygon or MultiPolygon"));
				continue;
			}
			if (from != null && actor != null) {
				areas.add(new ControlArea(id, actor, geometry.isValid() ? geometry : geometry.buffer(0),
						new Period(from, to), p.path("source").asString(null)));
			}
		}
		return errors.isEmpty() ? new Parsed(areas, List.of()) : new Parsed(List.of(), errors);
	}

	private static Instant instant(String text, String where, String file, List<DocumentError> errors,
			boolean required) {
		if (text == null) {
			if (required) {
				errors.add(new DocumentError(file, 1, 1, where + " is required"));
			}
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(new DocumentError(file, 1, 1, where + ": '" + text + "' is not a time with its zone offset"));
			return null;
		}
	}

}
