package org.truce.deconfliction.application;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.truce.deconfliction.model.Alert;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Report;

/**
 * An alert as one reader may read it: no more of its report than that reader may read of
 * the report itself ({@link ReadingReports}), on every path an alert takes (the list, the
 * event stream, the pages that read them, webhook bodies).
 * <ul>
 * <li>The staff read every report exactly: the whole alert ({@link AlertJson#of}), the
 * point as {@link AlertReaders#seesPoint} allows.</li>
 * <li>A reader who may read the report, exactly placed (a liaison, a report concerning
 * its side from a source not at risk; a notifier, a published one): the same.</li>
 * <li>A reader who may not read the report (of another side, unpublished), or may read it
 * only coarsened (an at-risk source): its grid cell only ({@link AlertJson#cellOnly}),
 * with the report's id only in the second case.</li>
 * </ul>
 * An alert that only the report's cell raises ({@link Alert#cellOnly}) is for the readers
 * of the third kind only ({@link #shows}). Webhooks go to systems outside Truce's access
 * control: their bodies are what the public may read, at the time the alert is raised
 * ({@link DeconflictionReader#PUBLIC}).
 */
@Service
public class AlertViews {

	private final ReadingReports reports;

	AlertViews(ReadingReports reports) {
		this.reports = reports;
	}

	/** The alert as the reader may read it, as JSON. */
	public Map<String, Object> of(Alert a, DeconflictionReader reader) {
		return view(a, reader, reading(a, reader));
	}

	/**
	 * The alert as the reader may read it, as JSON, or nothing when it is not one the
	 * reader gets ({@link #shows}); the caller has checked that the reader may read
	 * alerts about its place ({@link AlertReaders#mayRead}).
	 */
	public Optional<Map<String, Object>> shown(Alert a, DeconflictionReader reader) {
		Reading reading = reading(a, reader);
		return shows(a, reading) ? Optional.of(view(a, reader, reading)) : Optional.empty();
	}

	/**
	 * Whether the alert is one this reader gets, of those about the places it may read of
	 * ({@link AlertReaders#mayRead}): an alert that only the report's cell raises
	 * ({@link Alert#cellOnly}) is for the readers who may not read the report exactly;
	 * those who may keep the alerts of its exact point. So whether an alert exists tells
	 * a reader who may not read the report nothing finer than its cell.
	 */
	public boolean shows(Alert a, DeconflictionReader reader) {
		return !a.cellOnly() || shows(a, reading(a, reader));
	}

	private static boolean shows(Alert a, Reading reading) {
		return !a.cellOnly() || !reading.exactly();
	}

	private Map<String, Object> view(Alert a, DeconflictionReader reader, Reading reading) {
		if (reading.exactly()) {
			return AlertJson.of(a, AlertReaders.seesPoint(reader, a));
		}
		return AlertJson.cellOnly(a, reading.report(), this.reports.grid());
	}

	/** How the reader reads the alert's report. */
	private Reading reading(Alert a, DeconflictionReader reader) {
		Viewer viewer = reader.viewer();
		if (viewer.seesSources()) {
			return new Reading(true, true);
		}
		Optional<Report> report = this.reports.byId(a.reportId(), viewer);
		return new Reading(report.isPresent() && !report.get().flags().contains(DataFlag.LOCATION_COARSENED),
				report.isPresent());
	}

	/**
	 * @param exactly whether the reader reads the report with its exact place
	 * @param report whether it may read the report at all
	 */
	private record Reading(boolean exactly, boolean report) {

	}

}
