package org.truce.geo.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.locationtech.jts.geom.Geometry;
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

/**
 * The base map: boundary layers shipped in the jar, simplified for display and served as
 * GeoJSON bytes. Each layer is simplified once, on first use (a web server warms them all
 * when it starts), and the bytes are kept. Thread-safe.
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

	public BaseLayers() {
		this.sources.put("syria-admin0", () -> ocha(BoundaryLayer.ADMIN0));
		this.sources.put("syria-admin1", () -> ocha(BoundaryLayer.ADMIN1));
		this.sources.put("syria-admin2", () -> ocha(BoundaryLayer.ADMIN2));
		this.sources.put("neighbours", BaseLayers::neighbours);
	}

	/** A layer ready to serve. */
	public record Layer(String name, byte[] geojson, String etag, int features, int rawVertices, int vertices) {

	}

	/** A feature as the map shows it: a few display properties and the full geometry. */
	record DisplayFeature(Map<String, String> properties, Geometry geometry) {

	}

	/** The names of the layers served, such as {@code syria-admin1}. */
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
			names().forEach(this::layer);
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
			feature.set("geometry", GeoJson.JSON.readTree(GeoJson.write(simplified, DECIMALS)));
		}
		byte[] bytes = GeoJson.JSON.writeValueAsBytes(collection);
		return new Layer(name, bytes, etag(bytes), features.size(), rawVertices, vertices);
	}

	private static List<DisplayFeature> ocha(BoundaryLayer layer) {
		return ScenarioBoundaries.read(layer).stream().map(BaseLayers::display).toList();
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
	 * the English name.
	 */
	private static List<DisplayFeature> neighbours() {
		return GeoJson.readClasspath(ScenarioBoundaries.NEIGHBOURS).stream().map(f -> {
			Map<String, String> p = new LinkedHashMap<>();
			p.put("iso", f.text("id"));
			p.put("name", f.text("name"));
			return new DisplayFeature(p, f.geometry());
		}).toList();
	}

	private static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
