package org.truce.deconfliction.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The notifications store contract on PostgreSQL, skipped unless TRUCE_TEST_PG_URL is
 * set.
 */
@PostgresTest
class PostgresNotificationsContractTest extends NotificationsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(SLICE);
	}

}
