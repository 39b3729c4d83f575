package org.truce.report.application;

import org.springframework.stereotype.Service;
import org.truce.report.model.Source;

/**
 * Imports an ACLED export CSV as reports of the dataset source {@code acled}; see
 * {@link AcledRows} for the mapping.
 */
@Service
public class ImportingAcled {

	/** The dataset source every imported report is attributed to. */
	public static final Source SOURCE = AcledRows.SOURCE;

	private final CsvImport engine;

	ImportingAcled(CsvImport engine) {
		this.engine = engine;
	}

	/** Imports every row; rows already imported are counted as already present. */
	public ImportOutcome importFile(ImportFile file, ImportProgress progress) {
		return this.engine.run(file, new AcledRows(), false, progress);
	}

}
