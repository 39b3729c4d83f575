package org.truce.ledger.infrastructure;

import org.truce.testing.RunningTruce;

/** The disclosures store contract on the embedded SQLite store. */
class SqliteDisclosuresContractTest extends DisclosuresContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(SLICE);
	}

}
