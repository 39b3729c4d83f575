package org.truce.humanitarian.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The humanitarian access stores' contract on PostgreSQL, skipped unless
 * TRUCE_TEST_PG_URL is set.
 */
@PostgresTest
class PostgresAccessStoresContractTest extends AccessStoresContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
