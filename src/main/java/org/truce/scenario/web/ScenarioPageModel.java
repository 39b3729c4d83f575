package org.truce.scenario.web;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.truce.scenario.application.Scenario;
import org.truce.web.PageModel;

/**
 * Gives every page the scenario as {@code scenarioJson} (a {@link ScenarioView}), for a
 * map's {@code data-scenario} attribute: its script reads the bounds and layers from
 * there at once, as the content security policy forbids inline scripts.
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
class ScenarioPageModel implements PageModel {

	private final String json;

	ScenarioPageModel(Scenario scenario) {
		this.json = JsonMapper.builder().build().writeValueAsString(ScenarioView.of(scenario));
	}

	@Override
	public String attribute() {
		return "scenarioJson";
	}

	@Override
	public String value(HttpServletRequest request) {
		return this.json;
	}

}
