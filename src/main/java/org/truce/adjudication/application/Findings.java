package org.truce.adjudication.application;

import java.util.List;
import java.util.Map;

import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.StoredFinding;
import org.truce.report.model.ReportQuery;

/**
 * The store of findings: derived from the record, replaced whenever they are recomputed.
 */
public interface Findings {

	/** Replaces every finding under the agreement with these, in one transaction. */
	void replaceAgreement(String agreementId, List<StoredFinding> findings);

	/**
	 * Replaces the findings about these incidents under the agreement, in one
	 * transaction.
	 */
	void replaceIncidents(String agreementId, Map<String, List<StoredFinding>> findingsByIncident);

	/**
	 * One page of findings, and the cursor of the next page or null: under a scope, only
	 * those whose reader may see every report they were computed from.
	 */
	Page find(FindingQuery query);

	/**
	 * How many findings of each outcome there are under the agreement, about the
	 * incidents of the reports in {@code scope}.
	 */
	Map<Outcome, Long> countByOutcome(String agreementId, ReportQuery.Scope scope);

	/**
	 * For every incident with findings under the agreement, of the reports in
	 * {@code scope}, its most serious outcome: a violation of any term, else undetermined
	 * for any term, else no violation.
	 */
	default Map<String, Outcome> worstOutcomeByIncident(String agreementId, ReportQuery.Scope scope) {
		return worstOutcomeByIncident(agreementId, scope, Integer.MAX_VALUE);
	}

	/**
	 * As {@link #worstOutcomeByIncident(String, ReportQuery.Scope)}, the first
	 * {@code limit} incidents by id.
	 */
	Map<String, Outcome> worstOutcomeByIncident(String agreementId, ReportQuery.Scope scope, int limit);

	/**
	 * The incidents with findings (under the agreement, or under any when it is null) of
	 * which the reader of {@code scope} may see some reports but not all: their stored
	 * findings, computed from every report, are not for this reader, and {@link #find}
	 * and the counts leave them out.
	 */
	List<String> incidentsSeenInPart(String agreementId, ReportQuery.Scope scope);

	record Page(List<StoredFinding> findings, FindingQuery.Cursor next) {

	}

}
