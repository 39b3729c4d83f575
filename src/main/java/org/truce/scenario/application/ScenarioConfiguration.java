package org.truce.scenario.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.geo.application.ScenarioGeography;
import org.truce.shared.ScenarioZone;

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

	/**
	 * Its time zone, for the contexts below this one: where a date without a time is a
	 * day, and how pages write times.
	 */
	@Bean
	ScenarioZone scenarioZone(Scenario scenario) {
		return new ScenarioZone(scenario.timeZone());
	}

	@Bean
	ScenarioGeography scenarioGeography(Scenario scenario) {
		return scenario.geography();
	}

}
