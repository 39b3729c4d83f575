package org.truce.store;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

	/** Opens a store with the old scripts, as Truce did before. */
	static final Map<String, Object> OLD_SCRIPTS = Map.of("spring.flyway.locations",
			"classpath:db/legacy-migration/{vendor}");

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
			upToOld.open(Map.of("spring.flyway.target", LAST_OLD_VERSION)).close();
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
			old.open(OLD_SCRIPTS).close();

			assertThat(exactSchema(old)).isEqualTo(this.freshSchemaUpToTheOldScripts);
			assertThat(this.freshSchema).anyMatch(line -> line.contains("reports_rtree") || line.contains("geog"));
		}
	}

	@Test
	void aStoreMigratedByTheOldScriptsOpensWithItsSchemaItsDataAndTheNewHistory() throws Exception {
		try (Store old = newStore()) {
			long users;
			try (RunningTruce before = old.open(OLD_SCRIPTS)) {
				before.token("monitor");
				users = users(before);
			}
			List<String> oldSchema = exactSchema(old);

			try (RunningTruce after = old.open(Map.of())) {
				assertThat(users(after)).isEqualTo(users);
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
			Map<String, Object> upToV14 = Map.of("spring.flyway.locations", OLD_SCRIPTS.get("spring.flyway.locations"),
					"spring.flyway.target", "14");
			old.open(upToV14).close();
			assertThat(StoreSchema.history(old.dataSource())).noneMatch(line -> line.startsWith("15 "));

			old.open(Map.of()).close();

			assertThat(exactSchema(old)).isEqualTo(this.freshSchema);
			assertThat(StoreSchema.history(old.dataSource())).isEqualTo(this.freshHistory);
		}
	}

	@Test
	void aHistoryWithAnUnknownChecksumIsLeftForFlywayToRefuse() throws Exception {
		try (Store old = newStore()) {
			try (RunningTruce before = old.open(OLD_SCRIPTS)) {
				before.jdbc().sql("UPDATE flyway_schema_history SET checksum = 42 WHERE version = '5'").update();
			}
			List<String> history = StoreSchema.history(old.dataSource());

			assertThatThrownBy(() -> old.open(Map.of())).rootCause().isInstanceOf(FlywayValidateException.class);
			assertThat(StoreSchema.history(old.dataSource())).isEqualTo(history)
				.noneMatch(line -> line.startsWith("1.1 "));
		}
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
