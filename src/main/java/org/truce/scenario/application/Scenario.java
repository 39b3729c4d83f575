package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MapperFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.truce.geo.application.ScenarioGeography;
import org.truce.geo.model.BoundaryLayer;

/**
 * A scenario: a folder of files, described by its {@code scenario.yaml} (format:
 * {@code scenarios/README.md}). Besides what the descriptor names, the folder may hold
 * {@code actors.yaml}, {@code humanitarian.yaml}, {@code control/*.geojson} and
 * {@code agreements/*.yaml}, which the loaders find by those names.
 *
 * @param id a stable id, such as {@code syria-2016}
 * @param name its name for people
 * @param location the folder, such as {@code classpath:scenarios/syria-2016/}, ending
 * with a slash
 * @param timeZone where a date without a time is a calendar day, such as UCDP's local
 * days
 * @param ucdpEvents the UCDP GED events file, or null
 * @param demoUsers the users {@code truce demo} creates: username → grant, as the command
 * line writes it ({@code monitor}, {@code co-chair:united-states})
 * @param geography its boundaries, gazetteer and map
 */
public record Scenario(String id, String name, String location, ZoneId timeZone, String ucdpEvents,
		Map<String, String> demoUsers, ScenarioGeography geography) {

	/** The scenario {@code truce demo} loads unless told another. */
	public static final String DEMO = "classpath:scenarios/syria-2016/";

	/** The descriptor's name in the scenario's folder. */
	private static final String DESCRIPTOR = "scenario.yaml";

	/** Roles are written in lower case: {@code role: regions}. */
	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.build();

	public Scenario {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(timeZone, "timeZone");
		demoUsers = demoUsers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(demoUsers));
		Objects.requireNonNull(geography, "geography");
	}

	/**
	 * The location of a file of the scenario, such as
	 * {@code events/ucdp_ged_syria_2016.csv}.
	 */
	public String file(String relativePath) {
		return this.location + relativePath;
	}

	/**
	 * Reads the scenario described by {@code scenario.yaml} in the folder.
	 * @param location a folder, such as {@code classpath:scenarios/syria-2016/} or
	 * {@code file:/srv/scenarios/mine/}; a missing final slash is added
	 * @throws IllegalArgumentException when the folder has no descriptor, or it is not
	 * valid
	 */
	public static Scenario read(String location) {
		String folder = location.endsWith("/") ? location : location + "/";
		Resource descriptor = new DefaultResourceLoader().getResource(folder + DESCRIPTOR);
		if (!descriptor.exists()) {
			throw new IllegalArgumentException("no scenario at " + folder + ": it has no " + DESCRIPTOR);
		}
		try (InputStream in = descriptor.getInputStream()) {
			return YAML.readValue(in, Descriptor.class).scenario(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + descriptor.getDescription(), ex);
		}
		catch (JacksonException | IllegalArgumentException | DateTimeException ex) {
			throw new IllegalArgumentException(descriptor.getDescription() + " is not valid: " + ex.getMessage(), ex);
		}
	}

	/** The descriptor as written. Envelopes are [west, south, east, north] in degrees. */
	record Descriptor(String id, String name, String timeZone, String ucdpEvents, Map<String, String> demoUsers,
			Geography geography) {

		Scenario scenario(String location) {
			required(this.id, "id");
			required(this.name, "name");
			required(this.timeZone, "timeZone");
			required(this.geography, "geography");
			return new Scenario(this.id, this.name, location, ZoneId.of(this.timeZone), this.ucdpEvents, this.demoUsers,
					this.geography.geography(location));
		}

	}

	record Geography(Map<String, String> boundaries, Map<String, String> gazetteer, String crosswalk, MapView map) {

		ScenarioGeography geography(String location) {
			Map<BoundaryLayer, String> layers = new LinkedHashMap<>();
			if (this.boundaries != null) {
				this.boundaries.forEach((code, file) -> layers.put(layer(code), file));
			}
			required(this.map, "geography.map");
			required(this.map.bounds(), "geography.map.bounds");
			List<ScenarioGeography.MapLayer> mapLayers = new ArrayList<>();
			for (MapLayer l : this.map.layers()) {
				required(l.name(), "a name for each map layer");
				required(l.role(), "a role for the map layer " + l.name());
				mapLayers.add(new ScenarioGeography.MapLayer(l.name(), l.role(), l.title(), l.labelsTitle(),
						l.boundaries() == null ? null : layer(l.boundaries()), l.file(), envelope(l.labelWithin()),
						l.unlabelled()));
			}
			return new ScenarioGeography(location, layers, this.gazetteer == null ? Map.of() : this.gazetteer,
					this.crosswalk, new ScenarioGeography.MapView(envelope(this.map.bounds()), mapLayers));
		}

	}

	record MapView(List<Double> bounds, List<MapLayer> layers) {

		MapView {
			layers = layers == null ? List.of() : layers;
		}

	}

	record MapLayer(String name, ScenarioGeography.Role role, String title, String labelsTitle, String boundaries,
			String file, List<Double> labelWithin, Set<String> unlabelled) {

	}

	private static BoundaryLayer layer(String code) {
		return BoundaryLayer.parse(code).orElseThrow(() -> new IllegalArgumentException("no boundary layer " + code));
	}

	private static void required(Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException("it needs " + name);
		}
	}

	private static Envelope envelope(List<Double> westSouthEastNorth) {
		if (westSouthEastNorth == null) {
			return null;
		}
		if (westSouthEastNorth.size() != 4) {
			throw new IllegalArgumentException("an area is [west, south, east, north], not " + westSouthEastNorth);
		}
		return new Envelope(westSouthEastNorth.get(0), westSouthEastNorth.get(2), westSouthEastNorth.get(1),
				westSouthEastNorth.get(3));
	}

}
