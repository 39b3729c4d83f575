package org.truce.identity.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in reader ({@code signedIn}, null for the public), for the
 * header's "signed in as … / sign out" and "sign in".
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		return SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
	}

}
