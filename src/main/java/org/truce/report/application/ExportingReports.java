package org.truce.report.application;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.stereotype.Service;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * Writes the reports a query selects to an output, page by page through the store's
 * cursor, so that memory use does not grow with the number of reports.
 */
@Service
public class ExportingReports {

	/** Reports fetched per page. */
	static final int PAGE = 1_000;

	private final Reports reports;

	public ExportingReports(Reports reports) {
		this.reports = reports;
	}

	/**
	 * Writes every report matching {@code query} (its limit is the page size; its cursor
	 * is the place to start), newest event first.
	 * @return how many reports were written
	 */
	public long export(ReportQuery query, ReportFormat format, OutputStream out) throws IOException {
		ReportWriter writer = format.writer(out);
		writer.begin();
		long written = 0;
		ReportQuery page = query;
		while (true) {
			ReportPage result = this.reports.find(page);
			for (Report report : result.reports()) {
				writer.write(report);
				written++;
			}
			if (result.next() == null) {
				break;
			}
			page = page.withCursor(result.next());
		}
		writer.end();
		return written;
	}

	/** Every report, newest event first. */
	public long exportAll(ReportFormat format, OutputStream out) throws IOException {
		return export(ReportQuery.all(PAGE), format, out);
	}

}
