package org.truce.incident.infrastructure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.incident.model.ClusteringRules;

/**
 * The clustering's thresholds, from {@code truce.clustering.*} properties; the defaults
 * are {@link ClusteringRules#defaults()}.
 */
@Configuration(proxyBeanMethods = false)
class ClusteringConfiguration {

	@Bean
	ClusteringRules clusteringRules(@Value("${truce.clustering.distance-metres:2000}") double distanceMetres,
			@Value("${truce.clustering.time-gap-seconds:21600}") long timeGapSeconds,
			@Value("${truce.clustering.max-uncertainty-metres:10000}") double maxUncertaintyMetres,
			@Value("${truce.clustering.max-span-seconds:172800}") long maxSpanSeconds,
			@Value("${truce.clustering.max-link-uncertainty-metres:25000}") double maxLinkUncertaintyMetres,
			@Value("${truce.clustering.max-link-span-seconds:604800}") long maxLinkSpanSeconds) {
		return new ClusteringRules(distanceMetres, timeGapSeconds, maxUncertaintyMetres, maxSpanSeconds,
				maxLinkUncertaintyMetres, maxLinkSpanSeconds);
	}

}
