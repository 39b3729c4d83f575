package org.truce.geo.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.web.context.WebApplicationContext;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.shared.Sha256;

/**
 * The base map: the layers the scenario's descriptor lists, read from its files,
 * simplified for display and served as GeoJSON bytes. Each layer is simplified once, on
 * first use (a web server warms them all when it starts), and the bytes are kept.
 * Thread-safe.
 *
 * <p>
 * Simplification keeps each feature's topology (no ring collapses or crosses itself) but
 * treats features one by one, so neighbouring units may part or overlap by up to the
 * tolerance along their shared border. That is invisible at the zooms the map is meant
 * for; the store keeps the full-precision geometry for any computation.
 */
@Service
public class BaseLayers {

	/** Simplification tolerance in degrees: about 200 m north-south, 180 m east-west. */
	public static final double TOLERANCE_DEGREES = 0.002;

	/** Decimal places kept in coordinates: 1e-5 degrees is about a metre. */
	public static final int DECIMALS = 5;

	private static final Logger log = LoggerFactory.getLogger(BaseLayers.class);

	private final Map<String, Supplier<List<DisplayFeature>>> sources = new LinkedHashMap<>();

	private final Map<String, Layer> cache = new ConcurrentHashMap<>();

	public BaseLayers(ScenarioGeography geography) {
		for (ScenarioGeography.MapLayer layer : geography.map().layers()) {
			this.sources.put(layer.name(), layer.boundaries() != null ? () -> ocha(geography, layer.boundaries())
					: () -> context(geography, layer));
		}
	}

	/** A layer ready to serve. */
	public record Layer(String name, byte[] geojson, String etag, int features, int rawVertices, int vertices) {

	}

	/**
	 * A feature as the map shows it: a few display properties, the full geometry, the
	 * area in which its label belongs (null for anywhere in it) and whether it has one.
	 */
	record DisplayFeature(Map<String, String> properties, Geometry geometry, Envelope labelArea, boolean labelled) {

		DisplayFeature(Map<String, String> properties, Geometry geometry) {
			this(properties, geometry, null, true);
		}

	}

	/** The names of the layers served, in the descriptor's order. */
	public Set<String> names() {
		return this.sources.keySet();
	}

	/** The layer, simplified and encoded, or empty when no layer has that name. */
	public Optional<Layer> layer(String name) {
		Supplier<List<DisplayFeature>> source = this.sources.get(name);
		if (source == null) {
			return Optional.empty();
		}
		return Optional.of(this.cache.computeIfAbsent(name, n -> build(n, source.get())));
	}

	@EventListener(ApplicationReadyEvent.class)
	void warm(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebApplicationContext) {
			long started = System.nanoTime();
			for (String name : names()) {
				try {
					layer(name);
				}
				catch (RuntimeException ex) {
					// Serve the rest; a request for this layer will fail and say so.
					log.error("base layer {} cannot be built", name, ex);
				}
			}
			log.info("base layers ready in {} ms", (System.nanoTime() - started) / 1_000_000);
		}
	}

	static Layer build(String name, List<DisplayFeature> features) {
		ObjectNode collection = GeoJson.JSON.createObjectNode();
		collection.put("type", "FeatureCollection");
		ArrayNode array = collection.putArray("features");
		int rawVertices = 0;
		int vertices = 0;
		for (DisplayFeature f : features) {
			Geometry simplified = TopologyPreservingSimplifier.simplify(f.geometry(), TOLERANCE_DEGREES);
			rawVertices += f.geometry().getNumPoints();
			vertices += simplified.getNumPoints();
			ObjectNode feature = array.addObject();
			feature.put("type", "Feature");
			ObjectNode properties = feature.putObject("properties");
			f.properties().forEach((k, v) -> {
				if (v != null) {
					properties.put(k, v);
				}
			});
			Point label = labelPoint(f);
			if (label != null) {
				properties.putArray("label").add(round(label.getX())).add(round(label.getY()));
			}
			feature.set("geometry", GeoJson.JSON.readTree(GeoJson.write(simplified, DECIMALS)));
		}
		byte[] bytes = GeoJson.JSON.writeValueAsBytes(collection);
		return new Layer(name, bytes, etag(bytes), features.size(), rawVertices, vertices);
	}

	/**
	 * A point inside the feature (inside the part of it within the label area, when one
	 * is given) where the map may write its name; null when no part lies in the area, or
	 * the feature is not labelled.
	 */
	static Point labelPoint(DisplayFeature f) {
		if (!f.labelled()) {
			return null;
		}
		Geometry area = f.geometry();
		if (f.labelArea() != null) {
			// Natural Earth's quantized rings are not all valid; overlay needs valid
			// input.
			Geometry valid = area.isValid() ? area : GeometryFixer.fix(area);
			area = valid.intersection(valid.getFactory().toGeometry(f.labelArea()));
		}
		if (area.isEmpty()) {
			return null;
		}
		// The largest part, so that a country is labelled on its mainland.
		Geometry largest = area.getGeometryN(0);
		for (int i = 1; i < area.getNumGeometries(); i++) {
			if (area.getGeometryN(i).getArea() > largest.getArea()) {
				largest = area.getGeometryN(i);
			}
		}
		return largest.getInteriorPoint();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 10_000) / 10_000.0;
	}

	private static List<DisplayFeature> ocha(ScenarioGeography geography, BoundaryLayer layer) {
		return ScenarioBoundaries.read(geography, layer).stream().map(BaseLayers::display).toList();
	}

	private static DisplayFeature display(Boundary b) {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("pcode", b.pcode());
		p.put("name", b.name());
		p.put("nameAr", b.nameAr());
		p.put("parentPcode", b.parentPcode());
		return new DisplayFeature(p, b.geometry());
	}

	/**
	 * Natural Earth countries: {@code id} is the ISO 3166-1 numeric code, {@code name}
	 * the English name. Each is labelled in its part within the layer's label area,
	 * except those the layer leaves unlabelled.
	 */
	private static List<DisplayFeature> context(ScenarioGeography geography, ScenarioGeography.MapLayer layer) {
		return GeoJson.read(geography.file(layer.file())).stream().map(f -> {
			Map<String, String> p = new LinkedHashMap<>();
			p.put("iso", f.text("id"));
			p.put("name", f.text("name"));
			boolean labelled = !layer.unlabelled().contains(f.text("id"));
			return new DisplayFeature(p, f.geometry(), layer.labelWithin(), labelled);
		}).toList();
	}

	private static String etag(byte[] bytes) {
		return Sha256.hex(bytes).substring(0, 32);
	}

}
