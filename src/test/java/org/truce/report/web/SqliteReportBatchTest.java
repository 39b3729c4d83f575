package org.truce.report.web;

import org.truce.testing.RunningTruce;

/** Batches of reports, served from the embedded SQLite store. */
class SqliteReportBatchTest extends ReportBatchContract {

	@Override
	RunningTruce start() {
		return RunningTruce.sqlite(true, SMALL_BATCHES);
	}

}
