package org.truce.bulletin.web;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.truce.bulletin.application.SigningBulletins;
import org.truce.identity.web.CurrentViewer;
import org.truce.identity.web.StaffOnlyDisclosures;

/**
 * Which commitments of the bulletins' entries a reader sees opened: the text of a dissent
 * to staff only, as a determination's dissent (the public reads a published bulletin's
 * dissent annexes through the API and its page). The other kinds commit to nothing.
 */
@Component
class BulletinDisclosures extends StaffOnlyDisclosures {

	BulletinDisclosures(CurrentViewer viewers) {
		super(viewers, Set.of(SigningBulletins.DRAFTED, SigningBulletins.SIGNED, SigningBulletins.DISSENTED,
				SigningBulletins.PUBLISHED));
	}

}
