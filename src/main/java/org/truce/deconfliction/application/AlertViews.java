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
 * Webhooks go to systems outside Truce's access control: their bodies are what the public
 * may read, at the time the alert is raised ({@link DeconflictionReader#PUBLIC}).
 */
@Service
public class AlertViews {

	private final ReadingReports reports;

	AlertViews(ReadingReports reports) {
		this.reports = reports;
	}

	/** The alert as the reader may read it, as JSON. */
	public Map<String, Object> of(Alert a, DeconflictionReader reader) {
		Viewer viewer = reader.viewer();
		if (viewer.seesSources()) {
			return AlertJson.of(a, AlertReaders.seesPoint(reader, a));
		}
		Optional<Report> report = this.reports.byId(a.reportId(), viewer);
		if (report.isPresent() && !report.get().flags().contains(DataFlag.LOCATION_COARSENED)) {
			return AlertJson.of(a, AlertReaders.seesPoint(reader, a));
		}
		return AlertJson.cellOnly(a, report.isPresent(), this.reports.grid());
	}

}
