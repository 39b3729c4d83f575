package org.truce.report.application;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.stereotype.Service;
import org.truce.identity.model.Viewer;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * Writes the reports a query selects to an output, page by page through the store's
 * cursor, so that memory use does not grow with the number of reports. Every export is
 * cut to its reader as {@link ReadingReports} cuts every read: the reports it may see, as
 * it may see them.
 */
@Service
public class ExportingReports {

	/** Reports fetched per page. */
	static final int PAGE = 1_000;

	private final ReadingReports reading;

	public ExportingReports(ReadingReports reading) {
		this.reading = reading;
	}

	/**
	 * Writes every report matching {@code query} (its limit is the page size; its cursor
	 * is the place to start) that the reader may see, newest event first. A reader who
	 * may not see sources gets a file without the source and external id columns.
	 * @return how many reports were written
	 */
	public long export(ReportQuery query, ReportFormat format, OutputStream out, Viewer viewer) throws IOException {
		ReportQuery page = this.reading.restrict(query, viewer);
		ReportWriter writer = format.writer(out, viewer.seesSources());
		writer.begin();
		long written = 0;
		while (true) {
			ReportPage result = this.reading.find(page, viewer);
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

	/**
	 * Writes the first {@code query.limit()} reports matching {@code query} that the
	 * reader may see, newest event first, reading at most one more to tell whether there
	 * were more; {@code beforeWriting} is told that before the first byte is written (so
	 * that an HTTP answer can say so in a header).
	 * @return how many reports were written
	 */
	public long exportAtMost(ReportQuery query, ReportFormat format, OutputStream out, Viewer viewer,
			java.util.function.Consumer<Boolean> beforeWriting) throws IOException {
		ReportPage result = this.reading.find(this.reading.restrict(query, viewer), viewer);
		beforeWriting.accept(result.next() != null);
		ReportWriter writer = format.writer(out, viewer.seesSources());
		writer.begin();
		for (Report report : result.reports()) {
			writer.write(report);
		}
		writer.end();
		return result.reports().size();
	}

	/** Every report the reader may see, newest event first. */
	public long exportAll(ReportFormat format, OutputStream out, Viewer viewer) throws IOException {
		return export(ReportQuery.all(PAGE), format, out, viewer);
	}

}
