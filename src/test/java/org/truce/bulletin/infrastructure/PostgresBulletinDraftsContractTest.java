package org.truce.bulletin.infrastructure;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

/**
 * The bulletin drafts contract on PostgreSQL + PostGIS, in a schema of its own; skipped
 * unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class PostgresBulletinDraftsContractTest extends BulletinDraftsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgresSlice(BulletinDraftsSlice.class);
	}

}
