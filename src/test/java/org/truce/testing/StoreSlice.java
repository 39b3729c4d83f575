package org.truce.testing;

import java.time.Clock;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.truce.store.StoreConfiguration;

/**
 * The store alone, as a slice of the application: its data source and dialect
 * ({@link StoreConfiguration}), the Flyway migrations with the dialect's placeholders, a
 * {@code JdbcClient}, transactions and the clock.
 * {@link RunningTruce#sqliteSlice(Class...)} adds the stores under test to it.
 *
 * <p>
 * Not a {@code @Configuration}: the application's component scan, which covers this
 * package, must not find it.
 */
@Import(StoreConfiguration.class)
@ImportAutoConfiguration({ FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class })
class StoreSlice {

	/** The clock that the application declares, which stores and services stamp with. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
