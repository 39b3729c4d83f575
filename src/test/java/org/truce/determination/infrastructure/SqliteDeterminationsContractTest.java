package org.truce.determination.infrastructure;

import org.truce.testing.RunningTruce;

/** The determinations contract on the embedded SQLite store. */
class SqliteDeterminationsContractTest extends DeterminationsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(ONE_SIDE_SUFFICES, SLICE);
	}

}
