package org.truce.scenario.application;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.geo.application.LoadingGeography;
import org.truce.geo.model.BoundaryLayer;
import org.truce.report.application.ImportProgress;

/**
 * Loads the OCHA boundaries and the gazetteers of the scenario into the store, replacing
 * what an earlier load put there. A scenario without governorates (admin 1) has no
 * geography to load.
 */
@Component
@Order(350)
class GeographyLoader implements ScenarioLoader {

	private final LoadingGeography geography;

	private final ResourceLoader resources;

	GeographyLoader(LoadingGeography geography, ResourceLoader resources) {
		this.geography = geography;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		String marker = scenario.geography().boundaries().get(BoundaryLayer.ADMIN1);
		if (marker == null) {
			return "Geography: the scenario has no admin1 boundaries.";
		}
		if (!this.resources.getResource(scenario.file(marker)).exists()) {
			return "Geography: the scenario has no " + marker + ".";
		}
		LoadingGeography.Loaded loaded = this.geography.load(scenario.geography());
		return "Geography: " + loaded.boundaryCount() + " boundaries and " + loaded.placeCount() + " gazetteer places.";
	}

}
