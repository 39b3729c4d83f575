package org.truce.report.web;

import org.truce.testing.RunningTruce;

/** The report API served from the embedded SQLite store. */
class SqliteReportApiTest extends ReportApiContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqlite(true);
	}

}
