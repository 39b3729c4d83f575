package org.truce.ledger.infrastructure;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.truce.ledger.application.LogIdentity;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	LogIdentity logIdentity(@Value("${truce.data:truce-data}") Path dataDir,
			@Value("${truce.ledger.origin:localhost/truce}") String origin,
			@Value("${truce.ledger.witnesses:}") String witnesses) {
		return LogIdentity.of(origin, () -> LedgerKeyFile.loadOrCreate(dataDir, origin), witnesses);
	}

}
