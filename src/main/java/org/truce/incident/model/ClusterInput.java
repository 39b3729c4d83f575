package org.truce.incident.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One report as the clustering engine sees it.
 *
 * @param id the report's id; it breaks ties when reports are ordered, so the result does
 * not depend on the order of the input list
 * @param latitude WGS84 degrees, -90 to 90
 * @param longitude WGS84 degrees, -180 to 180
 * @param uncertaintyMetres radius, in metres, around the point within which the event
 * took place (from the source's location precision); zero or more
 * @param startEpochSecond start of the interval in which it happened, UTC seconds
 * @param endEpochSecond end of that interval, inclusive, UTC seconds; not before the
 * start
 * @param eventType an {@link org.truce.report.model.EventType} code such as
 * {@code air_drone_strike}; an unknown code is compatible only with itself
 * @param actorId the resolved perpetrator's actor id, or null when unnamed or unresolved
 * @param targetId the resolved target's actor id, or null
 * @param sourceId the source that made the report, or null
 * @param externalId the source's own id for the event (such as a UCDP event id), or null
 */
public record ClusterInput(String id, double latitude, double longitude, double uncertaintyMetres,
		long startEpochSecond, long endEpochSecond, String eventType, String actorId, String targetId, String sourceId,
		String externalId) {

	public ClusterInput {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("report " + id + ": no WGS84 point: " + latitude + ", " + longitude);
		}
		if (!(uncertaintyMetres >= 0) || Double.isInfinite(uncertaintyMetres)) {
			throw new IllegalArgumentException("report " + id + ": uncertainty must be finite and >= 0");
		}
		if (startEpochSecond < Instant.MIN.getEpochSecond() || endEpochSecond > Instant.MAX.getEpochSecond()
				|| endEpochSecond < startEpochSecond) {
			throw new IllegalArgumentException("report " + id + ": the interval ends before it starts");
		}
	}

	/** The length of the interval, in seconds. */
	public long spanSeconds() {
		return this.endEpochSecond - this.startEpochSecond;
	}

}
