package org.truce.incident.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The incidents contract on PostgreSQL + PostGIS, in a schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresIncidentsContractTest extends IncidentsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
