package org.truce.scenario.application;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.geo.application.LoadingGeography;
import org.truce.report.application.ImportProgress;

/**
 * Loads the OCHA boundaries and the gazetteers shipped with the scenario into the store,
 * replacing what an earlier load put there.
 */
@Component
@Order(350)
class GeographyLoader implements ScenarioLoader {

	static final String MARKER = "boundaries/syr_admin1_ocha_cod.geojson";

	private final LoadingGeography geography;

	private final ResourceLoader resources;

	GeographyLoader(LoadingGeography geography, ResourceLoader resources) {
		this.geography = geography;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		if (!this.resources.getResource(scenario.file(MARKER)).exists()) {
			return "Geography: the scenario has no " + MARKER + ".";
		}
		LoadingGeography.Loaded loaded = this.geography.load();
		return "Geography: " + loaded.boundaryCount() + " boundaries and " + loaded.placeCount() + " gazetteer places.";
	}

}
