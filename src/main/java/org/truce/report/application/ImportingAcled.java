package org.truce.report.application;

import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;
import org.truce.shared.ScenarioZone;

/**
 * Imports an ACLED export CSV as reports of the dataset source {@code acled}; see
 * {@link AcledRows} for the mapping.
 */
@Service
public class ImportingAcled {

	/** The dataset source every imported report is attributed to. */
	public static final Source SOURCE = AcledRows.SOURCE;

	private final CsvImport engine;

	private final ScenarioZone scenarioZone;

	ImportingAcled(CsvImport engine, ScenarioZone scenarioZone) {
		this.engine = engine;
		this.scenarioZone = scenarioZone;
	}

	/**
	 * Imports every row, reading dates as days in the scenario's zone; rows already
	 * imported are counted as already present.
	 */
	public ImportOutcome importFile(ImportFile file, ImportProgress progress) {
		return importFile(file, this.scenarioZone.zone(), progress);
	}

	/**
	 * Imports every row, reading dates as calendar days in the zone; rows already
	 * imported are counted as already present.
	 */
	public ImportOutcome importFile(ImportFile file, ZoneId zone, ImportProgress progress) {
		return importFile(file, zone, progress, null);
	}

	/**
	 * Imports every row, reading dates as calendar days in the zone, as submitted by
	 * {@code userId} (null: by the import run, for an import without a user); rows
	 * already imported are counted as already present.
	 */
	public ImportOutcome importFile(ImportFile file, ZoneId zone, ImportProgress progress, String userId) {
		return this.engine.run(file, new AcledRows(), zone, false, progress, userId);
	}

}
