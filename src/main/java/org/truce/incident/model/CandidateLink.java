package org.truce.incident.model;

import java.util.List;

/**
 * Two reports that may describe the same event, for an analyst to confirm or reject.
 *
 * @param a index of one report in the clustered list, smaller than {@code b}
 * @param b index of the other
 * @param reasons why they were not merged, in {@link LinkReason} order
 * @param distanceMetres between their points
 * @param gapSeconds between their intervals, 0 when they overlap
 */
public record CandidateLink(int a, int b, List<LinkReason> reasons, double distanceMetres, long gapSeconds) {

	public CandidateLink {
		reasons = List.copyOf(reasons);
	}

}
