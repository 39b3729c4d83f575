package org.truce.store;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store migrated by the scripts once written per store (a frozen copy of them, as
 * published up to V18, is in {@code src/test/resources/db/legacy-migration}) opens with
 * the migrations written once, ends with the schema it had and a history as if the new
 * scripts had built it; and those build the same schema as the old ones did. A history
 * that is not exactly the published one is left for Flyway to refuse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreMigratedByTheOldScriptsContract {

	/** Where the old scripts are, per store. */
	static final String OLD_SCRIPTS = "classpath:db/legacy-migration/{vendor}";

	/** Where the scripts written once are: the common ones and the store's own. */
	static final String NEW_SCRIPTS = "classpath:db/migration/common,classpath:db/migration/{vendor}";

	private Store fresh;

	private List<String> freshSchema;

	private List<String> freshHistory;

	/**
	 * The schema the scripts written once build up to the last version the old scripts
	 * had ({@value #LAST_OLD_VERSION}); later migrations exist only written once.
	 */
	private List<String> freshSchemaUpToTheOldScripts;

	private static final String LAST_OLD_VERSION = "18";

	/** A new, empty store, which a test may open (and close) as often as it likes. */
	abstract Store newStore();

	@BeforeAll
	void migrateAFreshStore() throws Exception {
		this.fresh = newStore();
		this.fresh.open(Map.of()).close();
		this.freshSchema = exactSchema(this.fresh);
		this.freshHistory = StoreSchema.history(this.fresh.dataSource());
		try (Store upToOld = newStore()) {
			migrate(upToOld, NEW_SCRIPTS, LAST_OLD_VERSION);
			this.freshSchemaUpToTheOldScripts = exactSchema(upToOld);
		}
	}

	@AfterAll
	void dropTheFreshStore() throws Exception {
		if (this.fresh != null) {
			this.fresh.close();
		}
	}

	@Test
	void theScriptsWrittenOnceBuildTheSameSchemaAsTheOldOnes() throws Exception {
		try (Store old = newStore()) {
			migrate(old, OLD_SCRIPTS, null);

			assertThat(exactSchema(old)).isEqualTo(this.freshSchemaUpToTheOldScripts);
			assertThat(this.freshSchema).anyMatch(line -> line.contains("reports_rtree") || line.contains("geog"));
		}
	}

	@Test
	void aStoreMigratedByTheOldScriptsOpensWithItsSchemaItsDataAndTheNewHistory() throws Exception {
		try (Store old = newStore()) {
			migrate(old, OLD_SCRIPTS, null);
			JdbcClient.create(old.dataSource())
				.sql("INSERT INTO sources (id, name, kind, reliability) VALUES ('field-1', 'Field monitor', 'MONITOR', 'B')")
				.update();
			List<String> oldSchema = exactSchema(old);

			try (RunningTruce after = old.open(Map.of())) {
				assertThat(after.jdbc().sql("SELECT name FROM sources WHERE id = 'field-1'").query(String.class).list())
					.containsExactly("Field monitor");
				long users = users(after);
				after.token("monitor");
				assertThat(users(after)).isEqualTo(users + 1);
			}

			assertThat(oldSchema).isEqualTo(this.freshSchemaUpToTheOldScripts);
			assertThat(exactSchema(old)).isEqualTo(this.freshSchema);
			assertThat(StoreSchema.history(old.dataSource())).isEqualTo(this.freshHistory);
		}
	}

	@Test
	void aStoreMigratedByOlderScriptsStillOpensAndMigratesTheRest() throws Exception {
		try (Store old = newStore()) {
			migrate(old, OLD_SCRIPTS, "14");
			assertThat(StoreSchema.history(old.dataSource())).noneMatch(line -> line.startsWith("15 "));

			old.open(Map.of()).close();

			assertThat(exactSchema(old)).isEqualTo(this.freshSchema);
			assertThat(StoreSchema.history(old.dataSource())).isEqualTo(this.freshHistory);
		}
	}

	@Test
	void aHistoryWithAnUnknownChecksumIsLeftForFlywayToRefuse() throws Exception {
		try (Store old = newStore()) {
			migrate(old, OLD_SCRIPTS, null);
			JdbcClient.create(old.dataSource())
				.sql("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '5'")
				.update();
			List<String> history = StoreSchema.history(old.dataSource());

			assertThatThrownBy(() -> old.open(Map.of())).rootCause().isInstanceOf(FlywayValidateException.class);
			assertThat(StoreSchema.history(old.dataSource())).isEqualTo(history)
				.noneMatch(line -> line.startsWith("1.1 "));
		}
	}

	/**
	 * Migrates the store with Flyway alone, as the application would before it starts, up
	 * to {@code target} (null: every migration found). The application of this version is
	 * not started on the older schemas: it reads tables that came later.
	 */
	private static void migrate(Store store, String locations, String target) {
		FluentConfiguration flyway = Flyway.configure()
			.dataSource(store.dataSource())
			.locations(locations.replace("{vendor}", store.dialect().name()).split(","))
			.placeholders(store.dialect().migrationPlaceholders());
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

	private static long users(RunningTruce truce) {
		return truce.jdbc().sql("SELECT count(*) FROM users").query(Long.class).single();
	}

	private static List<String> exactSchema(Store store) throws Exception {
		return StoreSchema.exact(store.dataSource(), store.dialect());
	}

	/** A store that outlives the instances of Truce opened on it. */
	interface Store extends AutoCloseable {

		/** Starts Truce, without a web server, on this store, with these properties. */
		RunningTruce open(Map<String, Object> properties);

		/** The store's database, read directly. */
		DataSource dataSource();

		StoreDialect dialect();

	}

}
