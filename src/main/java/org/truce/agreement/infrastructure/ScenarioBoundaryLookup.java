package org.truce.agreement.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import org.springframework.core.io.Resource;
import org.truce.actor.model.NameKey;
import org.truce.agreement.application.BoundaryLookup;
import org.truce.geo.application.GeoJson;
import org.truce.geo.application.ScenarioGeography;
import org.truce.geo.model.BoundaryLayer;

/**
 * Boundary features from the OCHA COD-AB files of the scenario, read once per layer. A
 * reference matches a feature's p-code (or neighbourhood code) exactly; failing that, its
 * own name; failing that, the name or p-code of any unit it lies in (so {@code Aleppo} in
 * the neighbourhood layer is every neighbourhood of Aleppo city). Names compare by
 * {@link NameKey}.
 */
public final class ScenarioBoundaryLookup implements BoundaryLookup {

	private final ScenarioGeography geography;

	private final Map<String, List<Feature>> layers = new ConcurrentHashMap<>();

	public ScenarioBoundaryLookup(ScenarioGeography geography) {
		this.geography = geography;
	}

	private record Feature(List<String> ownCodes, List<String> ownNames, List<String> parents, Geometry geometry) {

	}

	@Override
	public Optional<Geometry> find(String layer, String reference) {
		if (BoundaryLayer.parse(layer).isEmpty()) {
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
		List<Feature> out = new ArrayList<>();
		Optional<Resource> file = this.geography.boundaryFile(BoundaryLayer.parse(layer).orElseThrow());
		if (file.isEmpty()) {
			return out;
		}
		for (GeoJson.Feature f : GeoJson.read(file.get())) {
			List<String> codes = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<String> parents = new ArrayList<>();
			if (layer.equals("neighbourhood")) {
				add(codes, f, "neighbor_2");
				add(names, f, "neighborho");
				add(names, f, "neighbor_1");
				for (String k : List.of("adm4_en", "adm4_pcode", "adm3_en", "adm3_pcode", "adm2_en", "adm2_pcode",
						"adm1_en", "adm1_pcode")) {
					add(parents, f, k);
				}
			}
			else {
				int n = Integer.parseInt(layer.substring(5));
				add(codes, f, "adm" + n + "_pcode");
				add(names, f, "adm" + n + "_name");
				add(names, f, "adm" + n + "_name1");
				for (int level = n - 1; level >= 0; level--) {
					add(parents, f, "adm" + level + "_pcode");
					add(parents, f, "adm" + level + "_name");
				}
			}
			Geometry geometry = f.geometry();
			out.add(new Feature(codes, names, parents, geometry.isValid() ? geometry : geometry.buffer(0)));
		}
		return out;
	}

	private static void add(List<String> list, GeoJson.Feature feature, String key) {
		String v = feature.text(key);
		if (v != null && !v.isBlank()) {
			list.add(v);
		}
	}

}
