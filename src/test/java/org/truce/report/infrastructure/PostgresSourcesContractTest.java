package org.truce.report.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The sources contract on PostgreSQL, in a schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresSourcesContractTest extends SourcesContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
