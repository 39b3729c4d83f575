package org.truce.identity;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The leak tests on PostgreSQL, in a schema of their own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class WhatEachReaderSeesOnPostgresTest extends WhatEachReaderSeesContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(true);
	}

}
