package org.truce.bulletin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import org.springframework.stereotype.Component;
import org.truce.geo.application.GeoJson;
import org.truce.geo.application.ScenarioGeography;
import org.truce.geo.application.ScenarioGeography.MapLayer;
import org.truce.geo.application.ScenarioGeography.Role;

/**
 * What the bulletin's map draws under its points: the scenario's own shipped base layers
 * (its {@link Role#COUNTRY} outline and its {@link Role#REGIONS} units), simplified to
 * about a pixel of the chart, within the area the scenario's map opens on. Read from the
 * jar's files once, on first use; thread-safe.
 */
@Component
public class BulletinBackdrop {

	/**
	 * Simplification tolerance in degrees: a chart pixel, for an area of a few degrees.
	 */
	static final double TOLERANCE_DEGREES = 0.01;

	private final ScenarioGeography geography;

	private volatile SvgCharts.Backdrop backdrop;

	public BulletinBackdrop(ScenarioGeography geography) {
		this.geography = geography;
	}

	/** The backdrop, read on first use. */
	public SvgCharts.Backdrop backdrop() {
		SvgCharts.Backdrop b = this.backdrop;
		if (b == null) {
			b = read(this.geography);
			this.backdrop = b;
		}
		return b;
	}

	static SvgCharts.Backdrop read(ScenarioGeography geography) {
		Envelope bounds = geography.map().bounds();
		return new SvgCharts.Backdrop(bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY(),
				rings(geography, Role.COUNTRY), rings(geography, Role.REGIONS));
	}

	private static List<double[][]> rings(ScenarioGeography geography, Role role) {
		List<double[][]> out = new ArrayList<>();
		for (MapLayer layer : geography.map().layers()) {
			if (layer.role() != role || layer.boundaries() == null) {
				continue;
			}
			Optional<org.springframework.core.io.Resource> file = geography.boundaryFile(layer.boundaries());
			if (file.isEmpty() || !file.get().exists()) {
				continue;
			}
			for (GeoJson.Feature feature : GeoJson.read(file.get())) {
				Geometry simple = DouglasPeuckerSimplifier.simplify(feature.geometry(), TOLERANCE_DEGREES);
				for (int i = 0; i < simple.getNumGeometries(); i++) {
					if (simple.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
						out.add(ring(polygon.getExteriorRing().getCoordinates()));
					}
				}
			}
		}
		return out;
	}

	private static double[][] ring(Coordinate[] coordinates) {
		double[][] ring = new double[coordinates.length][];
		for (int i = 0; i < coordinates.length; i++) {
			ring[i] = new double[] { coordinates[i].x, coordinates[i].y };
		}
		return ring;
	}

}
