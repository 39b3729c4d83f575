package org.truce.agreement.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.agreement.application.BoundaryLookup;

@Configuration(proxyBeanMethods = false)
class BoundaryConfiguration {

	@Bean
	BoundaryLookup boundaryLookup() {
		return new ClasspathBoundaryLookup();
	}

}
