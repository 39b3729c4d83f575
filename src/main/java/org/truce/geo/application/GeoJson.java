package org.truce.geo.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * Reads GeoJSON feature collections (RFC 7946) into JTS geometries and writes them back.
 * Coordinates are WGS84 longitude, latitude (x, y). A legacy {@code crs} member, as GDAL
 * writes for CRS84, is ignored: CRS84 is GeoJSON's own axis order.
 */
public final class GeoJson {

	/** SRID 4326, full double precision. */
	public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

	static final JsonMapper JSON = JsonMapper.builder().build();

	private GeoJson() {
	}

	/** One feature: its properties (a JSON object, possibly empty) and its geometry. */
	public record Feature(JsonNode properties, Geometry geometry) {

		/** The property as text, or null when absent, null or blank. */
		public String text(String name) {
			JsonNode value = this.properties.get(name);
			if (value == null || value.isNull()) {
				return null;
			}
			String text = value.asString().trim();
			return text.isEmpty() ? null : text;
		}

	}

	/** The features of a FeatureCollection file, in file order. */
	public static List<Feature> read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return read(in, file.getDescription());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	static List<Feature> read(InputStream in, String name) {
		JsonNode root = JSON.readTree(in);
		if (!"FeatureCollection".equals(root.path("type").asString(""))) {
			throw new IllegalArgumentException(name + " is not a GeoJSON FeatureCollection");
		}
		List<Feature> out = new ArrayList<>();
		for (JsonNode feature : root.path("features").values()) {
			JsonNode geometry = feature.get("geometry");
			if (geometry == null || geometry.isNull()) {
				throw new IllegalArgumentException(name + " has a feature without geometry");
			}
			try {
				JsonNode properties = feature.path("properties");
				out.add(new Feature(properties.isObject() ? properties : JSON.createObjectNode(), geometry(geometry)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(name + " feature " + out.size() + ": " + ex.getMessage(), ex);
			}
		}
		return out;
	}

	/**
	 * A Point, Polygon or MultiPolygon from its GeoJSON object, read straight from the
	 * JSON tree (JTS's own reader would parse the text a second time).
	 */
	static Geometry geometry(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		return switch (type) {
			case "Point" -> WGS84.createPoint(coordinate(coordinates));
			case "Polygon" -> polygon(coordinates);
			case "MultiPolygon" -> {
				Polygon[] polygons = new Polygon[coordinates.size()];
				for (int i = 0; i < polygons.length; i++) {
					polygons[i] = polygon(coordinates.get(i));
				}
				yield WGS84.createMultiPolygon(polygons);
			}
			default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
		};
	}

	private static Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("a polygon needs at least one ring");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return WGS84.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = coordinate(positions.get(i));
		}
		return WGS84.createLinearRing(coordinates);
	}

	private static Coordinate coordinate(JsonNode position) {
		if (position == null || !position.isArray() || position.size() < 2 || !position.get(0).isNumber()
				|| !position.get(1).isNumber()) {
			throw new IllegalArgumentException("a position is [longitude, latitude]");
		}
		return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
	}

	/**
	 * The polygonal geometry as a MultiPolygon.
	 * @throws IllegalArgumentException when it is neither a Polygon nor a MultiPolygon
	 */
	public static MultiPolygon multiPolygon(Geometry geometry) {
		if (geometry instanceof MultiPolygon multi) {
			return multi;
		}
		if (geometry instanceof Polygon polygon) {
			return geometry.getFactory().createMultiPolygon(new Polygon[] { polygon });
		}
		throw new IllegalArgumentException("expected a polygon, not a " + geometry.getGeometryType());
	}

	/**
	 * The geometry as a GeoJSON geometry object, rings wound as RFC 7946 §3.1.6 asks
	 * (exterior counter-clockwise), without a {@code crs} member.
	 * @param decimals how many decimal places to keep in coordinates
	 */
	public static String write(Geometry geometry, int decimals) {
		GeoJsonWriter writer = new GeoJsonWriter(decimals);
		writer.setEncodeCRS(false);
		writer.setForceCCW(true);
		return writer.write(geometry);
	}

	/**
	 * The geometry read from a GeoJSON geometry object (Point, Polygon or MultiPolygon).
	 */
	public static Geometry parse(String geometry) {
		return geometry(JSON.readTree(geometry));
	}

}
