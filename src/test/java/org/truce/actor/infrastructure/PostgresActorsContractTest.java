package org.truce.actor.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The actors contract on PostgreSQL, in a schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresActorsContractTest extends ActorsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
