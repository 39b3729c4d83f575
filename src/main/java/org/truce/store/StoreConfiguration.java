package org.truce.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the store: PostgreSQL when {@code truce.db} holds a JDBC URL, otherwise the
 * embedded SQLite file {@code truce.db} in the data directory {@code truce.data} (default
 * {@code ./truce-data}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

	@Bean
	StoreDialect storeDialect(@Value("${truce.db:}") String url) {
		return url.isBlank() ? new StoreDialect.Sqlite() : new StoreDialect.Postgres();
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
