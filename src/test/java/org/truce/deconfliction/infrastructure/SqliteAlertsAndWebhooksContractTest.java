package org.truce.deconfliction.infrastructure;

import org.truce.testing.RunningTruce;

/** The alerts and webhooks contract on the Sqlite store. */
class SqliteAlertsAndWebhooksContractTest extends AlertsAndWebhooksContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
