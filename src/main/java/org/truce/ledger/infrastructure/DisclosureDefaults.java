package org.truce.ledger.infrastructure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.application.DisclosurePolicy;

/**
 * The default {@link DisclosurePolicies}: every reader sees the commitments and nothing
 * opened. Any other bean of that type, declared anywhere, replaces it: this is an
 * auto-configuration (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}
 * and so left out of component scanning), processed after every application
 * configuration, so that {@link ConditionalOnMissingBean} sees them all.
 */
@AutoConfiguration
class DisclosureDefaults {

	@Bean
	@ConditionalOnMissingBean(DisclosurePolicies.class)
	DisclosurePolicies openNothing() {
		return () -> DisclosurePolicy.NONE;
	}

}
