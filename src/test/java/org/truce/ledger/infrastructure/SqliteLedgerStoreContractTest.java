package org.truce.ledger.infrastructure;

import org.truce.testing.RunningTruce;

/** The ledger store contract on the embedded SQLite store. */
class SqliteLedgerStoreContractTest extends LedgerStoreContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(PROPERTIES, SLICE);
	}

}
