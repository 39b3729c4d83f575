package org.truce.deconfliction.application;

import org.truce.testing.RunningTruce;

class PostgresAlertsAreRecordedWithTheirReportsTest extends AlertsAreRecordedWithTheirReportsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(true);
	}

}
