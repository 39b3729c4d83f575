package org.truce.adjudication.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.truce.adjudication.model.RecordedFindings;
import org.truce.identity.web.CurrentViewer;
import org.truce.identity.web.StaffOnlyDisclosures;

/**
 * Which commitments of the findings' entries a reader sees opened: the findings written
 * to the store, to staff only. Other readers are given findings computed from the reports
 * they may see ({@code ReadingFindings}), which a stored finding of an incident they see
 * only in part is not.
 */
@Component
class FindingDisclosures extends StaffOnlyDisclosures {

	FindingDisclosures(CurrentViewer viewers) {
		super(viewers, Set.of(RecordedFindings.KIND));
	}

}
