package org.truce.scenario.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.truce.scenario.application.Scenario;

/**
 * Gives every page the scenario as {@code scenarioJson} (a {@link ScenarioView}), for a
 * map's {@code data-scenario} attribute: its script reads the bounds and layers from
 * there at once, as the content security policy forbids inline scripts.
 */
@ControllerAdvice(annotations = Controller.class)
class ScenarioPageModel {

	private final String json;

	ScenarioPageModel(Scenario scenario) {
		this.json = JsonMapper.builder().build().writeValueAsString(ScenarioView.of(scenario));
	}

	@ModelAttribute("scenarioJson")
	String scenarioJson() {
		return this.json;
	}

}
