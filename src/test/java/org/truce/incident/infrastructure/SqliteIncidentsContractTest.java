package org.truce.incident.infrastructure;

import org.truce.testing.RunningTruce;

/** The incidents contract on the embedded SQLite store. */
class SqliteIncidentsContractTest extends IncidentsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
