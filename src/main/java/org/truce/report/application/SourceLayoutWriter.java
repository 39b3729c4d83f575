package org.truce.report.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.truce.report.model.Report;
import org.truce.report.model.SourceFields;

/**
 * Writes reports in a dataset's own layout (ACLED's export, UCDP GED), from the rows kept
 * verbatim at import ({@link Report#sourceFields}): the header is the columns of the
 * imported files, and each row holds the values exactly as the dataset published them, so
 * that importing a file and exporting it gives back its rows column for column. RFC 4180
 * CSV in UTF-8: CRLF line ends and quotes only where a value needs them (a file that
 * quoted every text field, as UCDP's does, comes back with fewer quotes but the same
 * values). Values are not altered in any way, not even against CSV injection: a
 * spreadsheet opening this file sees what the dataset holds.
 */
final class SourceLayoutWriter implements ReportWriter {

	private final BufferedWriter out;

	private final List<String> header;

	private CSVPrinter csv;

	/**
	 * @param header the columns, in order: a column a row lacks is written empty
	 */
	SourceLayoutWriter(OutputStream out, List<String> header) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		this.header = List.copyOf(header);
	}

	@Override
	public void begin() throws IOException {
		this.csv = new CSVPrinter(this.out, CSVFormat.RFC4180);
		this.csv.printRecord(this.header);
	}

	/** Writes the report's row; a report without one is the caller's mistake. */
	@Override
	public void write(Report report) throws IOException {
		SourceFields fields = report.sourceFields();
		if (fields == null) {
			throw new IllegalArgumentException("report " + report.id() + " holds no dataset row");
		}
		List<String> row = new ArrayList<>(this.header.size());
		for (String column : this.header) {
			String value = fields.values().get(column);
			row.add(value == null ? "" : value);
		}
		this.csv.printRecord(row);
	}

	@Override
	public void end() throws IOException {
		this.csv.flush();
	}

}
