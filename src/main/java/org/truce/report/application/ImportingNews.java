package org.truce.report.application;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;
import org.truce.shared.ScenarioZone;

/**
 * Imports dated news items (a CSV of {@code id}, {@code date}, {@code text}, such as
 * Wikipedia's current events) as open-source reports; see {@link NewsRows} for the rules
 * that place and type them, and what is never inferred.
 */
@Service
public class ImportingNews {

	private final CsvImport engine;

	private final ScenarioZone scenarioZone;

	ImportingNews(CsvImport engine, ScenarioZone scenarioZone) {
		this.engine = engine;
		this.scenarioZone = scenarioZone;
	}

	/**
	 * Imports the file unless this exact file (by SHA-256) was already imported to its
	 * end from this source; its dates are calendar days in the scenario's zone.
	 */
	public ImportOutcome importOnce(ImportFile file, Source source, NewsPlaces places, ImportProgress progress) {
		return this.engine.run(file, new NewsRows(source, places), this.scenarioZone.zone(), true, progress, null);
	}

}
