package org.truce.determination.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The determinations contract on PostgreSQL + PostGIS, in a schema of its own; skipped
 * unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresDeterminationsContractTest extends DeterminationsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(ONE_SIDE_SUFFICES, SLICE);
	}

}
