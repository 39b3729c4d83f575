package org.truce.report.application;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

}
