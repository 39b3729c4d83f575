package org.truce.report.application;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.truce.TruceApplication;
import org.truce.testing.PostgresTest;

/**
 * {@link ImportBatchesContract} on PostgreSQL + PostGIS, in a schema of its own. Skipped
 * without {@code TRUCE_TEST_PG_URL}.
 */
@PostgresTest
class PostgresImportBatchesTest extends ImportBatchesContract {

	static TestStores.PostgresSchema schema;

	static ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		if (context == null) {
			schema = TestStores.PostgresSchema.create();
			context = new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.run("--truce.db=" + schema.url(), "--logging.level.root=warn", "--truce.import.batch-size=" + BATCH);
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (context != null) {
			context.close();
		}
		if (schema != null) {
			schema.close();
		}
	}

	@Override
	ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	void refuseReport(String externalId) {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.execute("CREATE FUNCTION refuse_report() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " IF NEW.external_id = '" + externalId + "' THEN RAISE EXCEPTION 'refused by the test'; END IF;"
				+ " RETURN NEW; END $$");
		jdbc.execute(
				"CREATE TRIGGER refuse_report BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION refuse_report()");
	}

	@Override
	void acceptEveryReport() {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		jdbc.execute("DROP TRIGGER IF EXISTS refuse_report ON reports");
		jdbc.execute("DROP FUNCTION IF EXISTS refuse_report()");
	}

}
