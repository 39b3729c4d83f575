package org.truce.scenario.application;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.truce.geo.application.LoadingGeography;
import org.truce.report.application.ImportProgress;

/**
 * Loads the OCHA boundaries and the gazetteers shipped with the scenario into the store,
 * replacing what an earlier load put there.
 */
@Component
@Order(250)
class GeographyLoader implements ScenarioLoader {

	private final LoadingGeography geography;

	GeographyLoader(LoadingGeography geography) {
		this.geography = geography;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		LoadingGeography.Loaded loaded = this.geography.load();
		return "Geography: " + loaded.boundaryCount() + " boundaries and " + loaded.placeCount() + " gazetteer places.";
	}

}
