package org.truce.agreement.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.model.NameKey;
import org.truce.agreement.application.BoundaryLookup;

/**
 * Boundary features from the OCHA COD-AB files shipped with the scenario, read from the
 * classpath once per layer. A reference matches a feature's p-code (or neighbourhood
 * code) exactly; failing that, its own name; failing that, the name or p-code of any unit
 * it lies in (so {@code Aleppo} in the neighbourhood layer is every neighbourhood of
 * Aleppo city). Names compare by {@link NameKey}.
 */
public final class ClasspathBoundaryLookup implements BoundaryLookup {

	private static final String DIR = "scenarios/syria-2016/boundaries/";

	private static final Map<String, String> FILES = Map.of("admin0", "syr_admin0_ocha_cod.geojson", "admin1",
			"syr_admin1_ocha_cod.geojson", "admin2", "syr_admin2_ocha_cod.geojson", "admin3",
			"syr_admin3_ocha_cod.geojson", "neighbourhood", "syr_city_neighbourhoods_ocha_cod.geojson");

	private final Map<String, List<Feature>> layers = new ConcurrentHashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private record Feature(List<String> ownCodes, List<String> ownNames, List<String> parents, Geometry geometry) {

	}

	@Override
	public Optional<Geometry> find(String layer, String reference) {
		if (!FILES.containsKey(layer)) {
			return Optional.empty();
		}
		List<Feature> features = this.layers.computeIfAbsent(layer, this::read);
		String key = NameKey.of(reference);
		List<Geometry> own = features.stream()
			.filter(f -> f.ownCodes().contains(reference))
			.map(Feature::geometry)
			.toList();
		if (own.isEmpty()) {
			own = features.stream()
				.filter(f -> f.ownNames().stream().map(NameKey::of).anyMatch(key::equals))
				.map(Feature::geometry)
				.toList();
		}
		if (own.isEmpty()) {
			own = features.stream()
				.filter(f -> f.parents().contains(reference)
						|| f.parents().stream().map(NameKey::of).anyMatch(key::equals))
				.map(Feature::geometry)
				.toList();
		}
		return own.isEmpty() ? Optional.empty() : Optional.of(UnaryUnionOp.union(own));
	}

	private List<Feature> read(String layer) {
		String resource = DIR + FILES.get(layer);
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + resource);
			}
			JsonNode root = this.json.readTree(in);
			GeoJsonReader reader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
			List<Feature> out = new ArrayList<>();
			for (JsonNode f : root.get("features")) {
				JsonNode p = f.get("properties");
				Geometry geometry = reader.read(f.get("geometry").toString());
				List<String> codes = new ArrayList<>();
				List<String> names = new ArrayList<>();
				List<String> parents = new ArrayList<>();
				if (layer.equals("neighbourhood")) {
					add(codes, p, "neighbor_2");
					add(names, p, "neighborho");
					add(names, p, "neighbor_1");
					for (String k : List.of("adm4_en", "adm4_pcode", "adm3_en", "adm3_pcode", "adm2_en", "adm2_pcode",
							"adm1_en", "adm1_pcode")) {
						add(parents, p, k);
					}
				}
				else {
					int n = Integer.parseInt(layer.substring(5));
					add(codes, p, "adm" + n + "_pcode");
					add(names, p, "adm" + n + "_name");
					add(names, p, "adm" + n + "_name1");
					for (int level = n - 1; level >= 0; level--) {
						add(parents, p, "adm" + level + "_pcode");
						add(parents, p, "adm" + level + "_name");
					}
				}
				out.add(new Feature(codes, names, parents, geometry.isValid() ? geometry : geometry.buffer(0)));
			}
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("cannot read " + resource, ex);
		}
	}

	private static void add(List<String> list, JsonNode properties, String key) {
		JsonNode v = properties.get(key);
		if (v != null && !v.isNull() && !v.asString().isBlank()) {
			list.add(v.asString());
		}
	}

}
