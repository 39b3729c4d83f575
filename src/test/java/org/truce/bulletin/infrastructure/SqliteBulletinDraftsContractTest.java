package org.truce.bulletin.infrastructure;

import org.truce.testing.RunningTruce;

/** The bulletin drafts contract on the embedded SQLite store. */
class SqliteBulletinDraftsContractTest extends BulletinDraftsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqliteSlice(BulletinDraftsSlice.class);
	}

}
