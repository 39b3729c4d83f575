package org.truce.report.web;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The report API served from PostgreSQL, in a schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresReportApiTest extends ReportApiContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(true);
	}

}
