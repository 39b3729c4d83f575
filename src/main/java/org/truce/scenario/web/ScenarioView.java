package org.truce.scenario.web;

import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Envelope;

import org.truce.geo.application.ScenarioGeography;
import org.truce.scenario.application.Scenario;

/**
 * The scenario as the map reads it. {@code bounds} and {@code centre} are in WGS84
 * degrees: bounds [west, south, east, north], the area the map is fitted to when it
 * opens, and centre [longitude, latitude], the middle of it.
 */
record ScenarioView(String id, String name, String timeZone, List<Double> bounds, List<Double> centre,
		List<LayerView> layers) {

	static ScenarioView of(Scenario scenario) {
		ScenarioGeography.MapView map = scenario.geography().map();
		Envelope bounds = map.bounds();
		return new ScenarioView(scenario.id(), scenario.name(), scenario.timeZone().getId(),
				List.of(bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()),
				List.of(bounds.centre().getX(), bounds.centre().getY()),
				map.layers().stream().map(LayerView::of).toList());
	}

	/**
	 * A base layer, served at its {@code url}. Its {@code role} says how the map draws
	 * it: {@code context}, {@code country}, {@code regions} or {@code districts};
	 * {@code title} and {@code labelsTitle} name it and its labels in the map's layer
	 * switcher, when it is listed there.
	 */
	record LayerView(String name, String role, String url, String title, String labelsTitle) {

		static LayerView of(ScenarioGeography.MapLayer layer) {
			return new LayerView(layer.name(), layer.role().name().toLowerCase(Locale.ROOT),
					"/layers/" + layer.name() + ".geojson", layer.title(), layer.labelsTitle());
		}

	}

}
