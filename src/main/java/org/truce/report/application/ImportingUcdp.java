package org.truce.report.application;

import java.time.ZoneId;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;
import org.truce.shared.ScenarioZone;

/**
 * Imports a UCDP GED CSV as reports of the dataset source {@code ucdp-ged}; see
 * {@link UcdpRows} for the mapping and the flags.
 */
@Service
public class ImportingUcdp {

	/** The dataset source every imported report is attributed to. */
	public static final Source SOURCE = UcdpRows.SOURCE;

	private final CsvImport engine;

	private final ScenarioZone scenarioZone;

	ImportingUcdp(CsvImport engine, ScenarioZone scenarioZone) {
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
		return this.engine.run(file, new UcdpRows(), zone, false, progress, userId);
	}

	/**
	 * Imports the file, reading dates as calendar days in the zone, unless this exact
	 * file (by SHA-256) was already imported to its end in that zone.
	 */
	public ImportOutcome importOnce(ImportFile file, ZoneId zone, ImportProgress progress) {
		return this.engine.run(file, new UcdpRows(), zone, true, progress, null);
	}

}
