package org.truce.deconfliction.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.truce.deconfliction.application.DeclaringPositions;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.RaisingAlerts;
import org.truce.identity.web.CurrentViewer;
import org.truce.identity.web.StaffOnlyDisclosures;

/**
 * Which commitments of deconfliction's entries a reader sees opened. Notifications and
 * positions commit in the clear field {@code contentCommitment}, whose salt the API gives
 * their readers; an alert's {@code report} and {@code place} groups are opened to staff
 * only (a notifier or a declaring side reads its alerts through the API, cut to what it
 * may read of the report).
 */
@Component
class DeconflictionDisclosures extends StaffOnlyDisclosures {

	DeconflictionDisclosures(CurrentViewer viewers) {
		super(viewers, Set.of(RaisingAlerts.KIND, Notifying.SENT, Notifying.ACKNOWLEDGED, Notifying.WITHDRAWN,
				DeclaringPositions.DECLARED, DeclaringPositions.WITHDRAWN));
	}

}
