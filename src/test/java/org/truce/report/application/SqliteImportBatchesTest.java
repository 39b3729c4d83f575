package org.truce.report.application;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.truce.TruceApplication;

/** {@link ImportBatchesContract} on the embedded SQLite store. */
class SqliteImportBatchesTest extends ImportBatchesContract {

	@TempDir
	static Path data;

	static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--truce.data=" + data, "--logging.level.root=warn", "--truce.import.batch-size=" + BATCH);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Override
	ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	void refuseReport(String externalId) {
		context.getBean(JdbcTemplate.class)
			.execute("CREATE TRIGGER refuse_report BEFORE INSERT ON reports WHEN NEW.external_id = '" + externalId
					+ "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
	}

	@Override
	void acceptEveryReport() {
		context.getBean(JdbcTemplate.class).execute("DROP TRIGGER IF EXISTS refuse_report");
	}

}
