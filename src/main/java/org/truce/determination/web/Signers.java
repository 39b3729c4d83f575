package org.truce.determination.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** The signed-in user who makes a change, with the grants it holds. */
final class Signers {

	private Signers() {
	}

	/** The signed-in user of the request; refused (401) for the public. */
	static SignedIn current() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

}
