package org.truce.ledger.infrastructure;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Cosigning;
import org.truce.ledger.application.Ledger;
import org.truce.testing.RunningTruce;

/** The ledger store contract on the embedded SQLite store. */
class SqliteLedgerStoreContractTest extends LedgerStoreContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(PROPERTIES, JdbcLedgerStore.class, JdbcDisclosures.class,
				LedgerConfiguration.class, Ledger.class, Checkpointing.class, Cosigning.class);
	}

}
