package org.truce.geo.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.truce.geo.model.BoundaryLayer;

/**
 * Where a scenario's geography lies and how its map shows it, as the {@code geography:}
 * section of its {@code scenario.yaml} says. Paths are relative to the scenario's folder.
 * Envelopes are in WGS84 degrees, x longitude and y latitude.
 *
 * @param location the scenario's folder, such as {@code classpath:scenarios/syria-2016/}
 * or {@code file:/srv/scenarios/mine/}, ending with a slash
 * @param boundaries the OCHA COD-AB style file of each boundary layer the scenario has
 * @param gazetteer the file of each gazetteer source (a {@link ScenarioGazetteer} source
 * id), in the order they are loaded
 * @param crosswalk the governorate crosswalk between UCDP, OCHA and GeoNames names and
 * codes, or null
 * @param map what the map shows first and its base layers
 */
public record ScenarioGeography(String location, Map<BoundaryLayer, String> boundaries, Map<String, String> gazetteer,
		String crosswalk, MapView map) {

	private static final ResourceLoader RESOURCES = new DefaultResourceLoader();

	public ScenarioGeography {
		Objects.requireNonNull(location, "location");
		boundaries = Map.copyOf(boundaries);
		gazetteer = Collections.unmodifiableMap(new LinkedHashMap<>(gazetteer));
		Objects.requireNonNull(map, "map");
	}

	/**
	 * The map's first view and its base layers.
	 *
	 * @param bounds the area the map is fitted to when it opens; its centre is the map's
	 * centre
	 * @param layers the base layers served under {@code /layers/}, in order
	 */
	public record MapView(Envelope bounds, List<MapLayer> layers) {

		public MapView {
			Objects.requireNonNull(bounds, "bounds");
			layers = List.copyOf(layers);
		}

	}

	/**
	 * A base layer of the map.
	 *
	 * @param name its name in {@code /layers/{name}.geojson}
	 * @param role how the map draws it
	 * @param title the name of the layer in the map's layer switcher, or null
	 * @param labelsTitle the name of its labels in the switcher, or null
	 * @param boundaries the boundary layer it shows, or null for a {@link Role#CONTEXT}
	 * layer
	 * @param file a {@link Role#CONTEXT} layer's file: Natural Earth admin-0 countries
	 * ({@code id} the ISO 3166-1 numeric code, {@code name} the English name)
	 * @param labelWithin where a context country's label belongs: in its part inside this
	 * area, and none when no part is; null to label each in its largest part
	 * @param unlabelled the ids of the context countries drawn but not labelled, such as
	 * the scenario's own country, which its {@link Role#COUNTRY} layer names
	 */
	public record MapLayer(String name, Role role, String title, String labelsTitle, BoundaryLayer boundaries,
			String file, Envelope labelWithin, Set<String> unlabelled) {

		public MapLayer {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(role, "role");
			if ((boundaries == null) == (file == null)) {
				throw new IllegalArgumentException("the map layer " + name + " needs either boundaries or a file");
			}
			unlabelled = unlabelled == null ? Set.of() : Set.copyOf(unlabelled);
		}

	}

	/** How the map draws a base layer. */
	public enum Role {

		/** The countries around, under everything, named. */
		CONTEXT,
		/** The scenario's country, outlined and filled. */
		COUNTRY,
		/** Its first-level units, with their names and a tooltip each. */
		REGIONS,
		/** Finer units, dashed, fetched when the reader switches them on. */
		DISTRICTS

	}

	/** The file, which may not exist. */
	public Resource file(String relativePath) {
		return RESOURCES.getResource(this.location + relativePath);
	}

	/** The file of the boundary layer, when the scenario has one. */
	public Optional<Resource> boundaryFile(BoundaryLayer layer) {
		return Optional.ofNullable(this.boundaries.get(layer)).map(this::file);
	}

}
