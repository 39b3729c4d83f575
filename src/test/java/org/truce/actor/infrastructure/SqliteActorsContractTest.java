package org.truce.actor.infrastructure;

import org.truce.testing.RunningTruce;

/** The actors contract on the embedded SQLite store. */
class SqliteActorsContractTest extends ActorsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
