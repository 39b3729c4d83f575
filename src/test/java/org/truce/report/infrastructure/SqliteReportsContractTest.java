package org.truce.report.infrastructure;

import org.truce.testing.RunningTruce;

/** The reports contract on the embedded SQLite store. */
class SqliteReportsContractTest extends ReportsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
