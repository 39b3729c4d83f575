package org.truce.adjudication.model;

import java.time.Instant;

/**
 * A filter over stored findings; null parts do not constrain. Findings are listed newest
 * incident first.
 *
 * @param agreementId findings under this agreement
 * @param termId for this term
 * @param actorId whose perpetrator resolved to this actor
 * @param zoneId whose reasons name this zone
 * @param outcome with this outcome
 * @param incidentId about this incident
 * @param from whose incident ends at or after this instant
 * @param to whose incident starts at or before this instant
 * @param after the cursor to continue from, or null
 * @param limit how many at most
 */
public record FindingQuery(String agreementId, String termId, String actorId, String zoneId, Outcome outcome,
		String incidentId, Instant from, Instant to, Cursor after, int limit) {

	/** Where a page ended. */
	public record Cursor(Instant incidentStart, String incidentId, String termId) {

	}

}
