package org.truce.agreement.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.agreement.application.BoundaryLookup;
import org.truce.geo.application.ScenarioGeography;

@Configuration(proxyBeanMethods = false)
class BoundaryConfiguration {

	@Bean
	BoundaryLookup boundaryLookup(ScenarioGeography geography) {
		return new ScenarioBoundaryLookup(geography);
	}

}
