package org.truce.incident.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two reports that the clustering found close in space and time but would not merge on
 * its own, waiting for an analyst to confirm (merge their incidents) or reject.
 *
 * @param reasons why they were not merged: {@code LinkReason} names
 * @param distanceMetres between their points
 * @param gapSeconds between their intervals, 0 when they overlap
 */
public record StoredLink(String id, UUID reportA, UUID reportB, List<String> reasons, double distanceMetres,
		long gapSeconds, Status status, Instant createdAt, String decidedBy, Instant decidedAt, String decisionReason) {

	public StoredLink {
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}

	/** Whether an analyst has decided. */
	public enum Status {

		OPEN, CONFIRMED, REJECTED

	}

}
