package org.truce.rfi.infrastructure;

import org.truce.testing.RunningTruce;

/** The requests-for-information contract on the embedded SQLite store. */
class SqliteRequestsForInformationContractTest extends RequestsForInformationContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
