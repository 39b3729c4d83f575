package org.truce.report.application;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.truce.identity.model.Viewer;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Writes the reports a query selects to an output, page by page through the store's
 * cursor, so that memory use does not grow with the number of reports. Every export is
 * cut to its reader as {@link ReadingReports} cuts every read: the reports it may see, as
 * it may see them.
 *
 * <p>
 * An export in a dataset's own layout ({@link ReportFormat#ACLED},
 * {@link ReportFormat#UCDP}) holds the reports imported from that dataset, each as the
 * row it was imported from; reports from any other source (submitted, another dataset)
 * are not in it, since a row in ACLED's layout claims to be ACLED's. Its header is every
 * column of those rows, in the order the files had them (the union, in the order first
 * met, when files differed), so it is read in two passes. Those rows are as confidential
 * as the source, so only readers who see sources may export them.
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
		ReportQuery first = this.reading.restrict(inLayout(query, format, viewer), viewer);
		List<String> header = null;
		if (format.layout() != null) {
			Set<String> columns = new LinkedHashSet<>();
			pages(first, viewer, r -> columns.addAll(r.sourceFields().values().keySet()));
			header = new ArrayList<>(columns);
		}
		ReportWriter writer = format.writer(out, viewer.seesSources(), header);
		writer.begin();
		long[] written = { 0 };
		pages(first, viewer, r -> {
			try {
				writer.write(r);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			written[0]++;
		});
		writer.end();
		return written[0];
	}

	private void pages(ReportQuery first, Viewer viewer, Consumer<Report> each) throws IOException {
		ReportQuery page = first;
		try {
			while (true) {
				ReportPage result = this.reading.find(page, viewer);
				result.reports().forEach(each);
				if (result.next() == null) {
					return;
				}
				page = page.withCursor(result.next());
			}
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/**
	 * Writes the first {@code query.limit()} reports matching {@code query} that the
	 * reader may see, newest event first, reading at most one more to tell whether there
	 * were more; {@code beforeWriting} is told that before the first byte is written (so
	 * that an HTTP answer can say so in a header).
	 * @return how many reports were written
	 */
	public long exportAtMost(ReportQuery query, ReportFormat format, OutputStream out, Viewer viewer,
			Consumer<Boolean> beforeWriting) throws IOException {
		ReportPage result = this.reading.find(this.reading.restrict(inLayout(query, format, viewer), viewer), viewer);
		List<String> header = null;
		if (format.layout() != null) {
			Set<String> columns = new LinkedHashSet<>();
			result.reports().forEach(r -> columns.addAll(r.sourceFields().values().keySet()));
			header = new ArrayList<>(columns);
		}
		beforeWriting.accept(result.next() != null);
		ReportWriter writer = format.writer(out, viewer.seesSources(), header);
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

	/**
	 * For a dataset's layout, the query narrowed to the reports imported from that
	 * dataset's rows; refused to a reader who may not see sources, and when it already
	 * filters by the other dataset's columns.
	 */
	private static ReportQuery inLayout(ReportQuery query, ReportFormat format, Viewer viewer) {
		String layout = format.layout();
		if (layout == null) {
			return query;
		}
		if (!viewer.seesSources()) {
			throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, "format", "layoutExport",
					layout.toUpperCase(java.util.Locale.ROOT)));
		}
		ReportQuery.SourceFieldFilter asked = query.sourceFields();
		if (asked != null && !asked.format().equals(layout)) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, "format", "layoutMismatch", layout,
					layout.toUpperCase(java.util.Locale.ROOT), asked.format().toUpperCase(java.util.Locale.ROOT)));
		}
		return query
			.withSourceFields(new ReportQuery.SourceFieldFilter(layout, asked == null ? List.of() : asked.matches()));
	}

}
