package org.truce.humanitarian.infrastructure;

import org.truce.testing.RunningTruce;

/** The humanitarian access stores' contract on the embedded SQLite store. */
class SqliteAccessStoresContractTest extends AccessStoresContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
