package org.truce.scenario.web;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truce.scenario.application.Scenario;

/** What the map needs of the scenario this instance shows. */
@RestController
class ScenarioController {

	private final Scenario scenario;

	ScenarioController(Scenario scenario) {
		this.scenario = scenario;
	}

	@Operation(summary = "The scenario shown: its name, time zone, the map's first view and its base layers",
			description = "bounds and centre are in WGS84 degrees: bounds [west, south, east, north], centre"
					+ " [longitude, latitude]. Each layer is served at its url; its role says how the map draws it"
					+ " (context, country, regions or districts).")
	@GetMapping("/api/scenario")
	ScenarioView scenario() {
		return ScenarioView.of(this.scenario);
	}

}
