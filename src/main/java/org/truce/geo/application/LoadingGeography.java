package org.truce.geo.application;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.geo.model.Place;

/**
 * Loads a scenario's geography into the store: the OCHA boundaries of every admin level
 * and the city neighbourhoods it has, and its gazetteer. Running it again replaces what
 * it loaded before, so it is safe to repeat.
 */
@Service
public class LoadingGeography {

	private final Boundaries boundaries;

	private final Places places;

	private final TransactionTemplate tx;

	public LoadingGeography(Boundaries boundaries, Places places, TransactionTemplate tx) {
		this.boundaries = boundaries;
		this.places = places;
		this.tx = tx;
	}

	/**
	 * Reads every file first, then replaces the layers and gazetteer sources in one
	 * transaction: a failure leaves the store as it was.
	 */
	public Loaded load(ScenarioGeography geography) {
		Map<BoundaryLayer, List<Boundary>> layers = new EnumMap<>(BoundaryLayer.class);
		for (BoundaryLayer layer : BoundaryLayer.values()) {
			layers.put(layer, ScenarioBoundaries.read(geography, layer));
		}
		Map<String, List<Place>> gazetteer = new LinkedHashMap<>();
		for (String source : geography.gazetteer().keySet()) {
			gazetteer.put(source, ScenarioGazetteer.read(geography, source));
		}
		this.tx.executeWithoutResult(status -> {
			layers.forEach(this.boundaries::replaceLayer);
			gazetteer.forEach(this.places::replaceSource);
		});
		Map<BoundaryLayer, Integer> boundaryCounts = new EnumMap<>(BoundaryLayer.class);
		layers.forEach((layer, list) -> boundaryCounts.put(layer, list.size()));
		Map<String, Integer> placeCounts = new LinkedHashMap<>();
		gazetteer.forEach((source, list) -> placeCounts.put(source, list.size()));
		return new Loaded(Collections.unmodifiableMap(boundaryCounts), Collections.unmodifiableMap(placeCounts));
	}

	/** How many boundaries per layer and places per gazetteer source were loaded. */
	public record Loaded(Map<BoundaryLayer, Integer> boundaries, Map<String, Integer> places) {

		public int boundaryCount() {
			return this.boundaries.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int placeCount() {
			return this.places.values().stream().mapToInt(Integer::intValue).sum();
		}

		@Override
		public String toString() {
			return boundaryCount() + " boundaries " + this.boundaries + ", " + placeCount() + " places " + this.places;
		}

	}

}
