package org.truce.adjudication.model;

import java.time.Instant;

import org.truce.report.model.ReportQuery;

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
 * @param scope the reports the reader may see: only findings about their incidents; and
 * under a scope with an at-risk grid, a zone filter leaves out incidents from at-risk
 * sources, since their zones were found from the exact place
 * @param possiblePerpetratorId whose perpetrator resolved to this actor, or whose
 * possible perpetrators (when the sources do not say which of several acted) include it
 */
public record FindingQuery(String agreementId, String termId, String actorId, String zoneId, Outcome outcome,
		String incidentId, Instant from, Instant to, Cursor after, int limit, ReportQuery.Scope scope,
		String possiblePerpetratorId) {

	public FindingQuery {
		scope = scope == null ? ReportQuery.Scope.WHOLE_RECORD : scope;
	}

	/** A query over every finding. */
	public FindingQuery(String agreementId, String termId, String actorId, String zoneId, Outcome outcome,
			String incidentId, Instant from, Instant to, Cursor after, int limit) {
		this(agreementId, termId, actorId, zoneId, outcome, incidentId, from, to, after, limit,
				ReportQuery.Scope.WHOLE_RECORD, null);
	}

	public FindingQuery withScope(ReportQuery.Scope scope) {
		return new FindingQuery(agreementId, termId, actorId, zoneId, outcome, incidentId, from, to, after, limit,
				scope, possiblePerpetratorId);
	}

	/**
	 * The query, also matching only findings where the actor acted or is one of those who
	 * may have.
	 */
	public FindingQuery withPossiblePerpetrator(String actorId) {
		return new FindingQuery(agreementId, termId, this.actorId, zoneId, outcome, incidentId, from, to, after, limit,
				scope, actorId);
	}

	/**
	 * Where a page ended: after the finding with these parts of its key ({@code viewId}
	 * null for a finding under no view).
	 */
	public record Cursor(Instant incidentStart, String incidentId, String termId, String viewId) {

		public Cursor(Instant incidentStart, String incidentId, String termId) {
			this(incidentStart, incidentId, termId, null);
		}

	}

}
