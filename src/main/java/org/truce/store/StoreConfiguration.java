package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: PostgreSQL when {@code truce.db} holds a JDBC URL, otherwise the
 * embedded SQLite file {@code truce.db} in the data directory {@code truce.data} (default
 * {@code ./truce-data}). Flyway migrates it with the scripts of
 * {@code db/migration/common}, written once with the store's column types as
 * placeholders, and those of the store's own folder ({@code db/migration/sqlite} or
 * {@code db/migration/postgresql}: its spatial columns and indexes), after realigning the
 * history of a store migrated by the scripts once written per store
 * ({@link PerDialectMigrationHistory}). See {@code docs/migrations.md}.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

	@Bean
	StoreDialect storeDialect(@Value("${truce.db:}") String url) {
		return url.isBlank() ? new StoreDialect.Sqlite() : new StoreDialect.Postgres();
	}

	@Bean
	FlywayConfigurationCustomizer migrationPlaceholders(StoreDialect dialect) {
		return configuration -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.putAll(dialect.migrationPlaceholders());
			configuration.placeholders(placeholders);
		};
	}

	@Bean
	FlywayMigrationStrategy migrationAfterRealigningHistory(StoreDialect dialect) {
		return flyway -> {
			PerDialectMigrationHistory.realign(flyway, dialect);
			flyway.migrate();
		};
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(@Value("${truce.db:}") String url, @Value("${truce.data:truce-data}") Path dataDir) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("truce");
		if (url.isBlank()) {
			try {
				Files.createDirectories(dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot create the data directory " + dataDir, ex);
			}
			pool.setDataSource(
					new SqliteFunctionsDataSource("jdbc:sqlite:" + dataDir.resolve("truce.db").toAbsolutePath()));
			pool.setMaximumPoolSize(4);
		}
		else {
			if (!url.startsWith("jdbc:postgresql:")) {
				throw new IllegalArgumentException("--db takes a jdbc:postgresql:// URL, not " + url);
			}
			pool.setJdbcUrl(url);
			pool.setMaximumPoolSize(10);
		}
		return pool;
	}

}
