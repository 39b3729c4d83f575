package org.truce.adjudication.web;

import org.truce.testing.RunningTruce;

/** Filtering findings by possible perpetrator over HTTP, on SQLite. */
class FindingsByPossiblePerpetratorOnSqliteTest extends FindingsByPossiblePerpetratorOverHttpContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqlite(true);
	}

}
