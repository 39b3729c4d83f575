package org.truce.identity.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;

/**
 * Truce's users as Spring Security sees them: loaded by name for password sign-in, and by
 * token for API clients. A disabled user, or one without a password, cannot sign in with
 * a password; a token works only while neither it nor its user is revoked, expired or
 * disabled.
 */
final class Accounts implements UserDetailsService, OpaqueTokenIntrospector {

	private final Users users;

	private final ManagingUsers managing;

	private final Clock clock;

	Accounts(Users users, ManagingUsers managing, Clock clock) {
		this.users = users;
		this.managing = managing;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		User user = this.users.byUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
		String hash = this.users.passwordHash(user.id())
			.orElseThrow(() -> new UsernameNotFoundException("the user has no password"));
		return new SignedIn.TruceUserDetails(user.id(), user.username(), hash, user.active(),
				authorities(user.grants()));
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		ApiToken stored = this.managing.tokenFor(token)
			.orElseThrow(() -> new BadOpaqueTokenException("The API token is not one this server issued."));
		String refusal = stored.refusal(this.clock.instant());
		if (refusal != null) {
			throw new BadOpaqueTokenException("The API token is " + refusal + ".");
		}
		User user = this.users.byId(stored.userId())
			.filter(User::active)
			.orElseThrow(() -> new BadOpaqueTokenException("The API token's user is disabled."));
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(SignedIn.USER_ID, user.id().toString());
		attributes.put("token_id", stored.id().toString());
		return new OAuth2IntrospectionAuthenticatedPrincipal(user.username(), attributes, authorities(user.grants()));
	}

	/** The grants of a user now, for a session that was opened earlier. */
	List<GrantedAuthority> currentAuthorities(UUID userId) {
		return this.users.byId(userId).filter(User::active).map(u -> authorities(u.grants())).orElse(null);
	}

	static List<GrantedAuthority> authorities(List<Grant> grants) {
		List<GrantedAuthority> out = new ArrayList<>();
		for (String a : Grant.authorities(grants)) {
			out.add(new SimpleGrantedAuthority(a));
		}
		return out;
	}

}
