package org.truce.web;

import java.util.Map;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;

/**
 * The non-interference test on PostgreSQL: the same scenario, probes and comparisons as
 * on SQLite, each run in a fresh schema of its own; skipped unless
 * {@code TRUCE_TEST_PG_URL} is set.
 */
@SlowTest
@PostgresTest
class NothingHiddenLeaksOnPostgresTest extends NothingHiddenLeaksTest {

	@Override
	RunningTruce start(Map<String, Object> properties) {
		return RunningTruce.postgres(true, properties);
	}

}
