package org.truce.adjudication.web;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * Filtering findings by possible perpetrator over HTTP, on PostgreSQL; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class FindingsByPossiblePerpetratorOnPostgresTest extends FindingsByPossiblePerpetratorOverHttpContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(true);
	}

}
