package org.truce.deconfliction.application;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.deconfliction.model.Alert;
import org.truce.ledger.model.LedgerEntry;

/**
 * An alert as the API, the event stream and webhooks show it. Distances are rounded to
 * the metre.
 */
public final class AlertJson {

	/** The committed group of an alert's entry that names its report. */
	public static final String REPORT = "report";

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
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("id", a.placeId().toString());
		place.put("kind", a.placeKind().code());
		if (a.placeName() != null) {
			place.put("name", a.placeName());
		}
		if (a.restricted()) {
			place.put("side", a.restrictedToSide());
		}
		m.put("place", place);
		m.put("proximity", a.proximity().name());
		m.put("distanceMetres", Math.round(a.distanceMetres()));
		m.put("thresholdMetres", Math.round(a.thresholdMetres()));
		m.put("timeStraddlesWindow", a.timeStraddles());
		return m;
	}

	/**
	 * The alert's ledger entry. Nothing of it is in the clear: which report raised it (an
	 * unpublished report's existence near a protected place is part of its content), the
	 * notified place, its kind, the proximity, the threshold and the distance are salted
	 * commitments, in two groups: {@value #REPORT} (the report and its event type) and
	 * {@value #PLACE} (the place, its kind, the proximity, the threshold, and, unless the
	 * place is a declared position, the distance and the report's uncertainty; with the
	 * report's point they would place a secret position on a circle). Never a coordinate
	 * or a place's name, even committed.
	 */
	public static LedgerEntry ledgerEntry(Alert a) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("report", a.reportId().toString());
		report.put("eventType", a.eventType().code());
		Map<String, Object> proximity = new LinkedHashMap<>();
		proximity.put("place", a.placeId().toString());
		proximity.put("placeKind", a.placeKind().code());
		proximity.put("proximity", a.proximity().name());
		proximity.put("thresholdMetres", Math.round(a.thresholdMetres()));
		if (!a.restricted()) {
			proximity.put("distanceMetres", Math.round(a.distanceMetres()));
			proximity.put("uncertaintyMetres", Math.round(a.uncertaintyMetres()));
		}
		return LedgerEntry.of(RaisingAlerts.KIND, a.id().toString(), Map.of(),
				Map.of(REPORT, report, PLACE, proximity));
	}

}
