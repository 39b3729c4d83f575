package org.truce.deconfliction.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/** The alerts and webhooks contract on the Postgres store. */
@PostgresTest
class PostgresAlertsAndWebhooksContractTest extends AlertsAndWebhooksContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(QUIET_SENDER, SLICE);
	}

}
