package org.truce.identity.web;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.truce.identity.application.ManagingUsers;

/** Every interactive sign-in (password or identity provider) is a ledger entry. */
@Component
class SignInAudit {

	private final ManagingUsers managing;

	SignInAudit(ManagingUsers managing) {
		this.managing = managing;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		if (principal instanceof SignedIn.TruceUserDetails user) {
			this.managing.recordSignIn(user.userId().toString(), "password");
		}
		else if (principal instanceof OidcUser oidc) {
			this.managing.recordSignIn(SignedIn.oidcUserId(oidc), "oidc");
		}
	}

}
