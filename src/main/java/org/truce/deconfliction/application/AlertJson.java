package org.truce.deconfliction.application;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.Proximity;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.model.CoarseGrid;

/**
 * An alert as the API, the event stream and webhooks show it, in full ({@link #of}) or
 * cut to the report's grid cell ({@link #cellOnly}); {@link AlertViews} chooses for each
 * reader. Distances are rounded to the metre.
 */
public final class AlertJson {

	/** The committed group of an alert's entry that names its report. */
	public static final String REPORT = "report";

	/**
	 * The member of an alert's {@link #REPORT} group that holds the start of the report's
	 * interval as the alert was raised, which a bulletin counts it by (logged since issue
	 * 17).
	 */
	public static final String START = "start";

	/** The member of an alert's {@link #PLACE} group that holds the place's kind code. */
	public static final String PLACE_KIND = "placeKind";

	/** The committed group of an alert's entry that says where it was from what. */
	public static final String PLACE = "place";

	private AlertJson() {
	}

	/**
	 * @param withPoint whether to include the report's point and uncertainty (see
	 * {@link AlertReaders#seesPoint})
	 */
	public static Map<String, Object> of(Alert a, boolean withPoint) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id().toString());
		m.put("type", "proximity-alert");
		m.put("raisedAt", a.raisedAt().toString());
		m.put("report", a.reportId().toString());
		m.put("eventType", a.eventType().code());
		m.put("when", Map.of("start", a.incidentStart().toString(), "end", a.incidentEnd().toString()));
		if (withPoint) {
			Map<String, Object> where = new LinkedHashMap<>();
			where.put("latitude", a.latitude());
			where.put("longitude", a.longitude());
			where.put("uncertaintyMetres", Math.round(a.uncertaintyMetres()));
			m.put("where", where);
		}
		m.put("place", place(a));
		m.put("proximity", a.proximity().name());
		m.put("distanceMetres", Math.round(a.distanceMetres()));
		m.put("thresholdMetres", Math.round(a.thresholdMetres()));
		m.put("timeStraddlesWindow", a.timeStraddles());
		return m;
	}

	/**
	 * The alert for a reader who may not see the report's exact place: the report's grid
	 * cell (its bounds and centre), and the proximity and band of distances found from
	 * the cell alone ({@link Alert.Cell}); no point, no exact distance, and the report's
	 * id only when the reader may read the report (coarsened). Every point of the cell
	 * gives the same.
	 * @param grid the current grid, for an alert raised before its cell was kept: its
	 * point's cell, with no band and the proximity POSSIBLY_WITHIN
	 */
	public static Map<String, Object> cellOnly(Alert a, boolean withReport, CoarseGrid grid) {
		Alert.Cell c = a.cell();
		double degrees = c != null ? c.degrees() : grid.degrees();
		CoarseGrid cells = new CoarseGrid(degrees);
		double lat = c != null ? c.latitude() : cells.centreLatitude(a.latitude());
		double lon = c != null ? c.longitude() : cells.centreLongitude(a.longitude());
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id().toString());
		m.put("type", "proximity-alert");
		m.put("raisedAt", a.raisedAt().toString());
		if (withReport) {
			m.put("report", a.reportId().toString());
		}
		m.put("eventType", a.eventType().code());
		m.put("when", Map.of("start", a.incidentStart().toString(), "end", a.incidentEnd().toString()));
		Map<String, Object> cell = new LinkedHashMap<>();
		cell.put("degrees", degrees);
		cell.put("south", tidy(Math.max(-90, lat - degrees / 2)));
		cell.put("west", tidy(Math.max(-180, lon - degrees / 2)));
		cell.put("north", tidy(Math.min(90, lat + degrees / 2)));
		cell.put("east", tidy(Math.min(180, lon + degrees / 2)));
		cell.put("centre", Map.of("latitude", lat, "longitude", lon));
		m.put("cell", cell);
		m.put("place", place(a));
		m.put("proximity", c != null ? c.proximity().name() : Proximity.POSSIBLY_WITHIN.name());
		if (c != null) {
			m.put("distanceBand",
					Map.of("minMetres", Math.round(c.minMetres()), "maxMetres", Math.round(c.maxMetres())));
		}
		m.put("thresholdMetres", Math.round(a.thresholdMetres()));
		m.put("timeStraddlesWindow", a.timeStraddles());
		return m;
	}

	private static Map<String, Object> place(Alert a) {
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("id", a.placeId().toString());
		place.put("kind", a.placeKind().code());
		if (a.placeName() != null) {
			place.put("name", a.placeName());
		}
		if (a.restricted()) {
			place.put("side", a.restrictedToSide());
		}
		return place;
	}

	private static double tidy(double degrees) {
		return Math.round(degrees * 1e9) / 1e9;
	}

	/**
	 * The alert's ledger entry. Nothing of it is in the clear: which report raised it (an
	 * unpublished report's existence near a protected place is part of its content), the
	 * notified place, its kind, the proximity, the threshold and the distance are salted
	 * commitments, in two groups: {@value #REPORT} (the report, its event type and the
	 * start of its interval as the alert was raised) and {@value #PLACE} (the place, its
	 * kind, the proximity, the threshold, and, unless the place is a declared position,
	 * the distance and the report's uncertainty; with the report's point they would place
	 * a secret position on a circle; and {@code cellOnly: true} for an alert that only
	 * the report's cell raises, {@link Alert#cellOnly}). Never a coordinate or a place's
	 * name, even committed.
	 */
	public static LedgerEntry ledgerEntry(Alert a) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("report", a.reportId().toString());
		report.put("eventType", a.eventType().code());
		if (a.incidentStart() != null) {
			report.put(START, a.incidentStart().toString());
		}
		Map<String, Object> proximity = new LinkedHashMap<>();
		proximity.put("place", a.placeId().toString());
		proximity.put(PLACE_KIND, a.placeKind().code());
		proximity.put("proximity", a.proximity().name());
		proximity.put("thresholdMetres", Math.round(a.thresholdMetres()));
		if (!a.restricted()) {
			proximity.put("distanceMetres", Math.round(a.distanceMetres()));
			proximity.put("uncertaintyMetres", Math.round(a.uncertaintyMetres()));
		}
		if (a.cellOnly()) {
			proximity.put("cellOnly", true);
		}
		return LedgerEntry.of(RaisingAlerts.KIND, a.id().toString(), Map.of(),
				Map.of(REPORT, report, PLACE, proximity));
	}

}
