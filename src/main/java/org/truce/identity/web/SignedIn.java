package org.truce.identity.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.truce.identity.model.Grant;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Who is signed in, whatever way they signed in: a Truce user with a password, a Truce
 * API token, or an identity provider's user.
 *
 * @param userId the Truce user id, or {@code oidc:<issuer>#<subject>} for an identity
 * provider's user
 * @param name the name shown
 * @param grants the roles held
 */
public record SignedIn(String userId, String name, List<Grant> grants) {

	/** The attribute of a token principal that holds the Truce user id. */
	static final String USER_ID = "truce_user_id";

	/** The signed-in reader of a request, or null for the public. */
	public static SignedIn of(Authentication auth) {
		if (auth == null || !auth.isAuthenticated()) {
			return null;
		}
		Object principal = auth.getPrincipal();
		List<Grant> grants = Grant.fromAuthorities(names(auth.getAuthorities()));
		if (principal instanceof TruceUserDetails user) {
			return new SignedIn(user.userId().toString(), user.getUsername(), grants);
		}
		if (principal instanceof OidcUser oidc) {
			return new SignedIn(oidcUserId(oidc), oidc.getName(), grants);
		}
		if (principal instanceof OAuth2AuthenticatedPrincipal token) {
			Map<String, Object> attributes = token.getAttributes();
			return new SignedIn(String.valueOf(attributes.get(USER_ID)), token.getName(), grants);
		}
		return null;
	}

	/**
	 * The signed-in user of the current request, who makes a change (a draft, a
	 * signature); refused (401 UNAUTHENTICATED) for the public.
	 */
	public static SignedIn current() {
		SignedIn who = of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

	/**
	 * The id of the API token a request was signed in with, or null (a session, an
	 * identity provider's user, the public).
	 */
	public static UUID tokenId(Authentication auth) {
		if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof OAuth2AuthenticatedPrincipal token
				&& token.getAttributes().get("token_id") instanceof String id) {
			try {
				return UUID.fromString(id);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Whether it holds one of these roles, named as
	 * {@link org.truce.identity.model.Role}'s constants (for pages:
	 * {@code signedIn.holdsAny('CO_CHAIR', 'LIAISON')}).
	 */
	public boolean holdsAny(String... roles) {
		return this.grants.stream().anyMatch(g -> List.of(roles).contains(g.role().name()));
	}

	static String oidcUserId(OidcUser oidc) {
		return "oidc:" + oidc.getIssuer() + "#" + oidc.getSubject();
	}

	static List<String> names(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}

	/** A user loaded for password sign-in, carrying its Truce id. */
	static final class TruceUserDetails extends User {

		private static final long serialVersionUID = 1L;

		private final UUID userId;

		TruceUserDetails(UUID userId, String username, String password, boolean enabled,
				Collection<? extends GrantedAuthority> authorities) {
			super(username, password, enabled, true, true, true, authorities);
			this.userId = userId;
		}

		UUID userId() {
			return this.userId;
		}

	}

}
