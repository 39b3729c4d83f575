package org.truce.deconfliction.application;

import org.truce.testing.RunningTruce;

class SqliteAlertsAreRecordedWithTheirReportsTest extends AlertsAreRecordedWithTheirReportsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqlite(true);
	}

}
