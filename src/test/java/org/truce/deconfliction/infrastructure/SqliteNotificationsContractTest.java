package org.truce.deconfliction.infrastructure;

import org.truce.testing.RunningTruce;

/** The notifications store contract on the embedded SQLite store. */
class SqliteNotificationsContractTest extends NotificationsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
