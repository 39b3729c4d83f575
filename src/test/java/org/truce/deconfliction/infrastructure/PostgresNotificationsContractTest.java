package org.truce.deconfliction.infrastructure;

import org.truce.testing.RunningTruce;

/**
 * The notifications store contract on PostgreSQL, skipped unless TRUCE_TEST_PG_URL is
 * set.
 */
class PostgresNotificationsContractTest extends NotificationsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(false);
	}

}
