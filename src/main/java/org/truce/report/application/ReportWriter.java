package org.truce.report.application;

import java.io.IOException;

import org.truce.report.model.Report;

/**
 * Writes reports one at a time to an output in some file format; {@link #begin()} once,
 * then {@link #write(Report)} for each report, then {@link #end()}, which flushes but
 * does not close the output. Not thread-safe.
 */
public interface ReportWriter {

	void begin() throws IOException;

	void write(Report report) throws IOException;

	void end() throws IOException;

}
