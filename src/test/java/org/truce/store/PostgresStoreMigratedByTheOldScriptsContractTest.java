package org.truce.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.RunningTruce;
import org.truce.testing.PostgresTest;

/**
 * A store migrated by the old scripts, on PostgreSQL, in schemas of its own; skipped
 * unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresStoreMigratedByTheOldScriptsContractTest extends StoreMigratedByTheOldScriptsContract {

	@Override
	Store newStore() {
		PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
		Path dir = RunningTruce.newTempDir();
		return new Store() {

			@Override
			public RunningTruce open(Map<String, Object> properties) {
				return RunningTruce.postgresOn(schema, dir, false, properties);
			}

			@Override
			public DataSource dataSource() {
				return new DriverManagerDataSource(schema.url());
			}

			@Override
			public StoreDialect dialect() {
				return new StoreDialect.Postgres();
			}

			@Override
			public void close() throws IOException {
				try {
					schema.close();
				}
				finally {
					RunningTruce.deleteRecursively(dir);
				}
			}

		};
	}

}
