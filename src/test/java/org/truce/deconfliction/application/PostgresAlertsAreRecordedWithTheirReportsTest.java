package org.truce.deconfliction.application;

import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

@PostgresTest
class PostgresAlertsAreRecordedWithTheirReportsTest extends AlertsAreRecordedWithTheirReportsContract {

	@Override
	RunningTruce start() {
		return RunningTruce.postgres(true);
	}

}
