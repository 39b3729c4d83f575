package org.truce.identity;

import org.truce.testing.RunningTruce;

/** The leak tests on the embedded SQLite store. */
class WhatEachReaderSeesOnSqliteTest extends WhatEachReaderSeesContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqlite(true);
	}

}
