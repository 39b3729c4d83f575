package org.truce.determination.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.truce.determination.application.Determining;
import org.truce.identity.web.CurrentViewer;
import org.truce.identity.web.StaffOnlyDisclosures;

/**
 * Which commitments of the determinations' entries a reader sees opened: the texts of
 * drafts, edits, comments and dissents, and the provenance of a signature, to staff only
 * (the public and the parties read an effective determination's current text through the
 * API, not the texts of its drafts).
 */
@Component
class DeterminationDisclosures extends StaffOnlyDisclosures {

	DeterminationDisclosures(CurrentViewer viewers) {
		super(viewers, Set.of(Determining.DRAFTED, Determining.EDITED, Determining.SIGNED, Determining.EFFECTIVE,
				Determining.COMMENTED, Determining.DISSENTED));
	}

}
