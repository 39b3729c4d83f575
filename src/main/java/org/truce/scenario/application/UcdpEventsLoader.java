package org.truce.scenario.application;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingUcdp;

/**
 * Imports the scenario's UCDP GED events ({@code events/ucdp_ged_syria_2016.csv}) unless
 * this exact file (by SHA-256) was already imported into the store. Runs after the
 * actors, so that the sides resolve.
 */
@Component
@Order(300)
class UcdpEventsLoader implements ScenarioLoader {

	static final String FILE = "events/ucdp_ged_syria_2016.csv";

	private final ImportingUcdp importing;

	private final ResourceLoader resources;

	UcdpEventsLoader(ImportingUcdp importing, ResourceLoader resources) {
		this.importing = importing;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		String location = scenario.file(FILE);
		Resource file = this.resources.getResource(location);
		if (!file.exists()) {
			return "Events: the scenario has no " + FILE + ".";
		}
		ImportOutcome outcome = this.importing.importOnce(ImportFile.of(location, file), progress);
		if (outcome instanceof ImportOutcome.AlreadyImported already) {
			return "Events: " + FILE + " was already imported on " + already.previous().finishedAt() + " ("
					+ already.previous().counts().imported() + " reports); skipped.";
		}
		if (outcome instanceof ImportOutcome.Completed done) {
			return "Events: " + FILE + ": " + done.counts().rowsRead() + " rows read, " + done.counts().imported()
					+ " imported, " + done.counts().duplicates() + " already present, " + done.counts().rejected()
					+ " rejected, in " + done.elapsed().toMillis() + " ms.";
		}
		ImportOutcome.NotImportable refused = (ImportOutcome.NotImportable) outcome;
		throw new IllegalStateException("the scenario's " + FILE + " cannot be imported: " + refused.reason());
	}

}
