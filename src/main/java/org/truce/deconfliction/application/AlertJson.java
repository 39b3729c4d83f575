package org.truce.deconfliction.application;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.deconfliction.model.Alert;

/**
 * An alert as the API, the event stream and webhooks show it. Distances are rounded to
 * the metre.
 */
public final class AlertJson {

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
	 * The body of the alert's ledger entry: the report, the place, its kind, the
	 * proximity, the threshold and the distance, never a coordinate or a place's name.
	 * For a declared position the distance is left out too (with the report's public
	 * point it would place the secret position on a circle).
	 */
	public static Map<String, Object> ledgerBody(Alert a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("report", a.reportId().toString());
		m.put("eventType", a.eventType().code());
		m.put("place", a.placeId().toString());
		m.put("placeKind", a.placeKind().code());
		m.put("proximity", a.proximity().name());
		m.put("thresholdMetres", Math.round(a.thresholdMetres()));
		if (!a.restricted()) {
			m.put("distanceMetres", Math.round(a.distanceMetres()));
			m.put("uncertaintyMetres", Math.round(a.uncertaintyMetres()));
		}
		return m;
	}

}
