package org.truce.report.application;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;

/**
 * Imports a UCDP GED CSV as reports of the dataset source {@code ucdp-ged}; see
 * {@link UcdpRows} for the mapping and the flags.
 */
@Service
public class ImportingUcdp {

	/** The dataset source every imported report is attributed to. */
	public static final Source SOURCE = UcdpRows.SOURCE;

	private final CsvImport engine;

	ImportingUcdp(CsvImport engine) {
		this.engine = engine;
	}

	/** Imports every row; rows already imported are counted as already present. */
	public ImportOutcome importFile(ImportFile file, ImportProgress progress) {
		return this.engine.run(file, new UcdpRows(), false, progress);
	}

	/**
	 * Imports the file unless this exact file (by SHA-256) was already imported to its
	 * end.
	 */
	public ImportOutcome importOnce(ImportFile file, ImportProgress progress) {
		return this.engine.run(file, new UcdpRows(), true, progress);
	}

}
