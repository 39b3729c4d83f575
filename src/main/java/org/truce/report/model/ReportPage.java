package org.truce.report.model;

import java.util.List;

/**
 * One page of reports, with the cursor of the next page or null when this is the last.
 */
public record ReportPage(List<Report> reports, ReportQuery.Cursor next) {

}
