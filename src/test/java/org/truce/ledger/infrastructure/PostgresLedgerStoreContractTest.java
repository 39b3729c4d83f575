package org.truce.ledger.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The ledger store contract on PostgreSQL, in a schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set (and failed when it is unreachable and
 * {@code TRUCE_REQUIRE_PG=1}).
 */
@PostgresTest
class PostgresLedgerStoreContractTest extends LedgerStoreContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(PROPERTIES, SLICE);
	}

}
