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

	/** One page of findings, and the cursor of the next page or null. */
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

	record Page(List<StoredFinding> findings, FindingQuery.Cursor next) {

	}

}
