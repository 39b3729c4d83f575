package org.truce.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.truce.web.PageModel;

/**
 * Gives every page the signed-in reader ({@code signedIn}, null for the public), for the
 * header's "signed in as … / sign out" and "sign in".
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
class SignedInModel implements PageModel {

	@Override
	public String attribute() {
		return "signedIn";
	}

	@Override
	public SignedIn value(HttpServletRequest request) {
		return SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
	}

}
