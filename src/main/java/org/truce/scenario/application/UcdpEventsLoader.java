package org.truce.scenario.application;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingUcdp;
import org.truce.report.application.PublishingReports;

/**
 * Imports the scenario's UCDP GED events (the descriptor's {@code ucdpEvents}) unless
 * this exact file (by SHA-256) was already imported into the store, and publishes them.
 * UCDP dates events to the local calendar day, so their dates are read as days in the
 * scenario's time zone ({@code timeZone}), not UTC days. Runs after the actors, so that
 * the sides resolve.
 *
 * <p>
 * Publishing them is safe: they are public data already, published by UCDP with their
 * places under CC BY 4.0 (see the scenario's SOURCES.md), and they name no reporter on
 * the ground. Publishing lets the public read them and see them on the map.
 */
@Component
@Order(300)
class UcdpEventsLoader implements ScenarioLoader {

	/** Who publishes the scenario's UCDP events, as their ledger entries say. */
	static final String PUBLISHER = "demo";

	private final ImportingUcdp importing;

	private final ResourceLoader resources;

	private final PublishingReports publishing;

	UcdpEventsLoader(ImportingUcdp importing, ResourceLoader resources, PublishingReports publishing) {
		this.importing = importing;
		this.resources = resources;
		this.publishing = publishing;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		String events = scenario.ucdpEvents();
		if (events == null) {
			return "Events: the scenario has none.";
		}
		String location = scenario.file(events);
		Resource file = this.resources.getResource(location);
		if (!file.exists()) {
			return "Events: the scenario has no " + events + ".";
		}
		// UCDP's dates are calendar days where the events took place: the scenario's
		// zone.
		ImportOutcome outcome = this.importing.importOnce(ImportFile.of(location, file), scenario.timeZone(), progress);
		if (outcome instanceof ImportOutcome.NotImportable refused) {
			throw new IllegalStateException("the scenario's " + events + " cannot be imported: " + refused.reason());
		}
		// UCDP's own published events: public already (see the class comment).
		int published = this.publishing.publishSource(ImportingUcdp.SOURCE.id(), PUBLISHER).size();
		String publishedNow = published == 0 ? "" : " " + published + " published.";
		if (outcome instanceof ImportOutcome.AlreadyImported already) {
			return "Events: " + events + " was already imported on " + already.previous().finishedAt() + " ("
					+ already.previous().counts().imported() + " reports, dates read as days in "
					+ already.previous().timeZone() + "); skipped." + publishedNow;
		}
		ImportOutcome.Completed done = (ImportOutcome.Completed) outcome;
		return "Events: " + events + ": " + done.counts().rowsRead() + " rows read, " + done.counts().imported()
				+ " imported, " + done.counts().duplicates() + " already present, " + done.counts().rejected()
				+ " rejected, in " + done.elapsed().toMillis() + " ms; dates read as days in " + done.run().timeZone()
				+ "." + publishedNow;
	}

}
