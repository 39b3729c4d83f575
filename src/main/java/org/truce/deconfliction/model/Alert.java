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
 * @param cell the alert as found from the report's grid cell alone, for the readers who
 * may not see the report's exact place; null in alerts raised before it was kept
 * @param cellOnly whether only the report's cell raises it, not its exact point (a report
 * whose place is not secret, whose point is not within the distance while a point of its
 * cell is): it exists for the readers who may not read the report exactly, so that
 * whether an alert exists tells them nothing finer than the cell; those who read the
 * report exactly never see it
 */
public record Alert(UUID id, UUID reportId, EventType eventType, Instant incidentStart, Instant incidentEnd,
		double latitude, double longitude, double uncertaintyMetres, UUID placeId, ProtectedPlaceKind placeKind,
		String placeName, String restrictedToSide, String notifiedBy, Proximity proximity, double distanceMetres,
		double thresholdMetres, boolean timeStraddles, Instant raisedAt, Cell cell, boolean cellOnly) {

	public Alert {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(reportId, "reportId");
		Objects.requireNonNull(placeId, "placeId");
		Objects.requireNonNull(proximity, "proximity");
	}

	/** An alert raised by the report's point (and so by its cell too). */
	public Alert(UUID id, UUID reportId, EventType eventType, Instant incidentStart, Instant incidentEnd,
			double latitude, double longitude, double uncertaintyMetres, UUID placeId, ProtectedPlaceKind placeKind,
			String placeName, String restrictedToSide, String notifiedBy, Proximity proximity, double distanceMetres,
			double thresholdMetres, boolean timeStraddles, Instant raisedAt, Cell cell) {
		this(id, reportId, eventType, incidentStart, incidentEnd, latitude, longitude, uncertaintyMetres, placeId,
				placeKind, placeName, restrictedToSide, notifiedBy, proximity, distanceMetres, thresholdMetres,
				timeStraddles, raisedAt, cell, false);
	}

	/** An alert without its cell, as those raised before the cell was kept. */
	public Alert(UUID id, UUID reportId, EventType eventType, Instant incidentStart, Instant incidentEnd,
			double latitude, double longitude, double uncertaintyMetres, UUID placeId, ProtectedPlaceKind placeKind,
			String placeName, String restrictedToSide, String notifiedBy, Proximity proximity, double distanceMetres,
			double thresholdMetres, boolean timeStraddles, Instant raisedAt) {
		this(id, reportId, eventType, incidentStart, incidentEnd, latitude, longitude, uncertaintyMetres, placeId,
				placeKind, placeName, restrictedToSide, notifiedBy, proximity, distanceMetres, thresholdMetres,
				timeStraddles, raisedAt, null);
	}

	/**
	 * The alert a report raises for one match.
	 * @param match the match of the report's exact point (its distance and proximity)
	 * @param cell the match of the report's grid cell
	 * @param cellOnly whether only the cell raises it ({@link #cellOnly()})
	 */
	public static Alert of(UUID id, Report report, ProximityMatch match, Cell cell, boolean cellOnly,
			Instant raisedAt) {
		ProtectedPlace place = match.place();
		return new Alert(id, report.id(), report.eventType(), report.when().start(), report.when().end(),
				report.where().latitude(), report.where().longitude(), report.where().uncertaintyMetres(), place.id(),
				place.kind(), place.name(), place.restricted() ? place.side() : null, place.by(), match.proximity(),
				match.distanceMetres(), match.thresholdMetres(), match.timeStraddles(), raisedAt, cell, cellOnly);
	}

	/** The alert a report's point raises for one match. */
	public static Alert of(UUID id, Report report, ProximityMatch match, Cell cell, Instant raisedAt) {
		return of(id, report, match, cell, false, raisedAt);
	}

	/** The alert a report raises for one match, without its cell (for tests). */
	public static Alert of(UUID id, Report report, ProximityMatch match, Instant raisedAt) {
		return of(id, report, match, null, raisedAt);
	}

	/**
	 * What the alert says when only the report's grid cell is known: the cell, and the
	 * proximity and distances found from it. Every point of the cell gives the same, so
	 * it tells nothing finer than the cell.
	 *
	 * @param latitude the cell's centre, WGS84 degrees
	 * @param longitude the cell's centre, WGS84 degrees
	 * @param degrees the side of the cell, in degrees
	 * @param proximity the match of the disc around the centre that holds the report's
	 * whole uncertainty disc wherever it lies in the cell
	 * @param minMetres the least distance from the place that a point of the cell may
	 * have: the centre's less the cell's half-diagonal, rounded down to 100 m, at least 0
	 * @param maxMetres the most: the centre's plus the half-diagonal, rounded up to 100 m
	 */
	public record Cell(double latitude, double longitude, double degrees, Proximity proximity, double minMetres,
			double maxMetres) {

		public Cell {
			Objects.requireNonNull(proximity, "proximity");
		}

		/**
		 * The cell's match.
		 * @param centreMetres the distance from the cell's centre to the place
		 * @param halfDiagonalMetres the farthest a point of the cell lies from its centre
		 */
		public static Cell of(double latitude, double longitude, double degrees, Proximity proximity,
				double centreMetres, double halfDiagonalMetres) {
			double min = Math.floor(Math.max(0, centreMetres - halfDiagonalMetres) / 100) * 100;
			double max = Math.ceil((centreMetres + halfDiagonalMetres) / 100) * 100;
			return new Cell(latitude, longitude, degrees, proximity, min, max);
		}

	}

	/** Whether it is about a declared position, for the co-chairs and that side only. */
	public boolean restricted() {
		return this.restrictedToSide != null;
	}

}
