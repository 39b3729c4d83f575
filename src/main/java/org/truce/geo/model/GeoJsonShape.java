package org.truce.geo.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A geometry as a GeoJSON (RFC 7946) object of plain maps, lists and doubles, so that it
 * can be written as canonical JSON (RFC 8785) in a commitment: {@code [longitude,
 * latitude]} positions, Point, LineString, Polygon and MultiPolygon only. Polygon rings
 * are written as they are stored (their orientation is not changed).
 */
public final class GeoJsonShape {

	private GeoJsonShape() {
	}

	public static Map<String, Object> of(Geometry g) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", g.getGeometryType());
		if (g instanceof Point p) {
			m.put("coordinates", position(p.getCoordinate()));
		}
		else if (g instanceof LineString l) {
			m.put("coordinates", positions(l.getCoordinates()));
		}
		else if (g instanceof Polygon p) {
			m.put("coordinates", rings(p));
		}
		else if (g instanceof MultiPolygon mp) {
			List<Object> polygons = new ArrayList<>();
			for (int i = 0; i < mp.getNumGeometries(); i++) {
				polygons.add(rings((Polygon) mp.getGeometryN(i)));
			}
			m.put("coordinates", polygons);
		}
		else {
			throw new IllegalArgumentException(
					"Not a Point, LineString, Polygon or MultiPolygon: " + g.getGeometryType());
		}
		return m;
	}

	private static List<Object> rings(Polygon p) {
		List<Object> rings = new ArrayList<>();
		rings.add(positions(p.getExteriorRing().getCoordinates()));
		for (int i = 0; i < p.getNumInteriorRing(); i++) {
			rings.add(positions(p.getInteriorRingN(i).getCoordinates()));
		}
		return rings;
	}

	private static List<Object> positions(Coordinate[] coordinates) {
		List<Object> out = new ArrayList<>(coordinates.length);
		for (Coordinate c : coordinates) {
			out.add(position(c));
		}
		return out;
	}

	private static List<Object> position(Coordinate c) {
		return List.of(c.getX(), c.getY());
	}

}
