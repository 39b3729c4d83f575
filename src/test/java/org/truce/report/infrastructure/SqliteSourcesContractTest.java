package org.truce.report.infrastructure;

import org.truce.testing.RunningTruce;

/** The sources contract on the embedded SQLite store. */
class SqliteSourcesContractTest extends SourcesContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
