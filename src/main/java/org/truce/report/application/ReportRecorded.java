package org.truce.report.application;

import org.truce.report.model.Report;

/** Published once a newly submitted report is durably stored. */
public record ReportRecorded(Report report) {

}
