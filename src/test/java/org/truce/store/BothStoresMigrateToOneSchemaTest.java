package org.truce.store;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.testing.RunningTruce;
import org.truce.testing.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations, written once with placeholders, build the same tables, columns and
 * constraints on SQLite and on PostgreSQL, but for the documented spatial objects of each
 * ({@link StoreSchema#VENDOR_ONLY}). Skipped unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class BothStoresMigrateToOneSchemaTest {

	private static RunningTruce sqlite;

	private static RunningTruce postgres;

	@BeforeAll
	static void migrateBoth() {
		postgres = RunningTruce.postgres(false);
		sqlite = RunningTruce.sqlite(false);
	}

	@AfterAll
	static void close() throws Exception {
		if (sqlite != null) {
			sqlite.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void bothStoresHaveTheSameTablesColumnsAndConstraints() throws Exception {
		List<String> onSqlite = portable(sqlite);
		List<String> onPostgres = portable(postgres);

		assertThat(onSqlite).containsExactlyElementsOf(onPostgres)
			.contains("table reports", "column reports.time_start integer not null", "column reports.id text not null",
					"primary key reports [seq]", "unique reports [id]",
					"foreign key incidents.id references reports.id on delete no action",
					"foreign key actor_aliases.actor_id references actors.id on delete cascade",
					"index reports.reports_by_time [time_start, seq]", "column sources.at_risk integer not null",
					"column ledger_entries.leaf_hash blob not null");
	}

	@Test
	void aColumnAddedToOneStoreOnlyIsADifference() throws Exception {
		List<String> before = portable(sqlite);
		sqlite.jdbc().sql("ALTER TABLE sources ADD COLUMN only_on_sqlite TEXT").update();
		try {
			List<String> onSqlite = portable(sqlite);

			assertThat(onSqlite).containsAll(before)
				.contains("column sources.only_on_sqlite text")
				.hasSize(before.size() + 1)
				.isNotEqualTo(portable(postgres));
		}
		finally {
			sqlite.jdbc().sql("ALTER TABLE sources DROP COLUMN only_on_sqlite").update();
		}
	}

	@Test
	void typesWithNoFamilyOnTheOtherStoreDiffer() {
		assertThat(StoreSchema.family("timestamptz")).isEqualTo(StoreSchema.family("INTEGER"));
		assertThat(StoreSchema.family("uuid")).isEqualTo(StoreSchema.family("TEXT"));
		assertThat(StoreSchema.family("varchar")).isNotEqualTo(StoreSchema.family("TEXT"));
		assertThat(StoreSchema.family("float8")).isNotEqualTo(StoreSchema.family("INTEGER"));
	}

	private static List<String> portable(RunningTruce store) throws Exception {
		return StoreSchema.portable(store.bean(DataSource.class), store.dialect());
	}

}
