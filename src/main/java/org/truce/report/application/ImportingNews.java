package org.truce.report.application;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;

/**
 * Imports dated news items (a CSV of {@code id}, {@code date}, {@code text}, such as
 * Wikipedia's current events) as open-source reports; see {@link NewsRows} for the rules
 * that place and type them, and what is never inferred.
 */
@Service
public class ImportingNews {

	private final CsvImport engine;

	ImportingNews(CsvImport engine) {
		this.engine = engine;
	}

	/**
	 * Imports the file unless this exact file (by SHA-256) was already imported to its
	 * end from this source.
	 */
	public ImportOutcome importOnce(ImportFile file, Source source, NewsPlaces places, ImportProgress progress) {
		return this.engine.run(file, new NewsRows(source, places), true, progress);
	}

}
