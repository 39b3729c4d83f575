package org.truce.rfi.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The requests-for-information contract on PostgreSQL, skipped unless TRUCE_TEST_PG_URL
 * is set.
 */
@PostgresTest
class PostgresRequestsForInformationContractTest extends RequestsForInformationContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
