package org.truce.scenario.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.geo.application.ScenarioGeography;

/**
 * The scenario this instance shows: the one in {@code truce.scenario} (a folder, such as
 * {@code file:/srv/scenarios/mine/}), or the Syria 2016 demo. Its map, boundary look-ups
 * and time zone come from it.
 */
@Configuration(proxyBeanMethods = false)
class ScenarioConfiguration {

	@Bean
	Scenario scenario(@Value("${truce.scenario:" + Scenario.DEMO + "}") String location) {
		return Scenario.read(location);
	}

	@Bean
	ScenarioGeography scenarioGeography(Scenario scenario) {
		return scenario.geography();
	}

}
