package org.truce.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

/** A store migrated by the old scripts, on SQLite (such as the demo's ./truce-data). */
@SlowTest
class SqliteStoreMigratedByTheOldScriptsContractTest extends StoreMigratedByTheOldScriptsContract {

	@Override
	Store newStore() {
		Path dir = RunningTruce.newTempDir();
		return new Store() {

			@Override
			public RunningTruce open(Map<String, Object> properties) {
				return RunningTruce.sqliteIn(dir, false, properties);
			}

			@Override
			public DataSource dataSource() {
				return new DriverManagerDataSource("jdbc:sqlite:" + dir.resolve("truce.db"));
			}

			@Override
			public StoreDialect dialect() {
				return new StoreDialect.Sqlite();
			}

			@Override
			public void close() throws IOException {
				RunningTruce.deleteRecursively(dir);
			}

		};
	}

}
