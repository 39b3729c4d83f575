package org.truce.humanitarian.infrastructure;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.truce.geo.application.GeoJson;

/** Geometries as stored: WKT, WGS84 (x = longitude), in the SRID 4326 factory. */
final class Wkt {

	private Wkt() {
	}

	static String write(Geometry geometry) {
		return new WKTWriter().write(geometry);
	}

	static Geometry read(String wkt) {
		try {
			return new WKTReader(GeoJson.WGS84).read(wkt);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("a stored geometry cannot be read", ex);
		}
	}

}
