package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.truce.report.model.EventType;
import org.truce.report.model.Report;

/**
 * A violent report within the alert distance of a protected place, surely or possibly.
 *
 * @param id time-ordered
 * @param reportId the report that raised it
 * @param eventType what the report says happened
 * @param incidentStart the earliest instant it may have happened
 * @param incidentEnd the latest instant it may have happened
 * @param latitude the report's point (WGS84)
 * @param longitude the report's point (WGS84)
 * @param uncertaintyMetres the report's uncertainty radius
 * @param placeId the notification's or declared position's id
 * @param placeKind what the place is
 * @param placeName as its notifier or declarer calls it
 * @param restrictedToSide for a declared position, the declaring side: only the co-chairs
 * and that side may see the alert; null otherwise
 * @param notifiedBy the user id of the place's notifier (or declarer), or null
 * @param proximity surely or possibly within
 * @param distanceMetres geodesic distance from the report's point to the place
 * @param thresholdMetres the alert distance for the place's kind
 * @param timeStraddles whether the report's interval crosses the start or end of the
 * place's window
 * @param raisedAt when Truce raised it
 */
public record Alert(UUID id, UUID reportId, EventType eventType, Instant incidentStart, Instant incidentEnd,
		double latitude, double longitude, double uncertaintyMetres, UUID placeId, ProtectedPlaceKind placeKind,
		String placeName, String restrictedToSide, String notifiedBy, Proximity proximity, double distanceMetres,
		double thresholdMetres, boolean timeStraddles, Instant raisedAt) {

	public Alert {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(reportId, "reportId");
		Objects.requireNonNull(placeId, "placeId");
		Objects.requireNonNull(proximity, "proximity");
	}

	/** The alert a report raises for one match. */
	public static Alert of(UUID id, Report report, ProximityMatch match, Instant raisedAt) {
		ProtectedPlace place = match.place();
		return new Alert(id, report.id(), report.eventType(), report.when().start(), report.when().end(),
				report.where().latitude(), report.where().longitude(), report.where().uncertaintyMetres(), place.id(),
				place.kind(), place.name(), place.restricted() ? place.side() : null, place.by(), match.proximity(),
				match.distanceMetres(), match.thresholdMetres(), match.timeStraddles(), raisedAt);
	}

	/** Whether it is about a declared position, for the co-chairs and that side only. */
	public boolean restricted() {
		return this.restrictedToSide != null;
	}

}
