package org.truce.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.truce.identity.application.AccessChanges;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.Sha256;

/**
 * Truce's users as Spring Security sees them: loaded by name for password sign-in, and by
 * token for API clients. A disabled user, or one without a password, cannot sign in with
 * a password; a token works only while neither it nor its user is revoked, expired or
 * disabled.
 *
 * <p>
 * A token's user and grants, and a signed-in user's current grants, are read from the
 * store at most once per {@code keep} (by default a second) for each token and user, not
 * on every request ({@link ShortLived}). A revocation, a role granted or revoked, made
 * through this instance takes effect on the next request ({@link AccessChanges}); one
 * made elsewhere (another instance, {@code truce user} against the same store), within
 * {@code keep}. A token's expiry is checked on every request.
 */
final class Accounts implements UserDetailsService, OpaqueTokenIntrospector {

	/** The most tokens, and the most users, whose grants are kept at once. */
	static final int MAX_KEPT = 10_000;

	private final Users users;

	private final ManagingUsers managing;

	private final Clock clock;

	private final ShortLived<String, Introspected> tokens;

	private final ShortLived<UUID, Optional<List<GrantedAuthority>>> grants;

	Accounts(Users users, ManagingUsers managing, Clock clock, AccessChanges changes, Duration keep) {
		this.users = users;
		this.managing = managing;
		this.clock = clock;
		this.tokens = new ShortLived<>(keep, MAX_KEPT, changes::count, System::nanoTime);
		this.grants = new ShortLived<>(keep, MAX_KEPT, changes::count, System::nanoTime);
	}

	/** A token found in the store, with its user's principal. */
	private record Introspected(ApiToken token, OAuth2AuthenticatedPrincipal principal) {

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
		// Kept by the token's hash, not the token itself.
		Introspected found = this.tokens.get(Sha256.hex(token), hash -> read(token));
		// Expiry is by the clock, on every request.
		String refusal = found.token().refusal(this.clock.instant());
		if (refusal != null) {
			throw new RefusedToken(refusal);
		}
		return found.principal();
	}

	private Introspected read(String token) {
		ApiToken stored = this.managing.tokenFor(token).orElseThrow(() -> new RefusedToken("unknown"));
		String refusal = stored.refusal(this.clock.instant());
		if (refusal != null) {
			throw new RefusedToken(refusal);
		}
		User user = this.users.byId(stored.userId())
			.filter(User::active)
			.orElseThrow(() -> new RefusedToken("userDisabled"));
		Map<String, Object> attributes = new LinkedHashMap<>();
		attributes.put(SignedIn.USER_ID, user.id().toString());
		attributes.put("token_id", stored.id().toString());
		return new Introspected(stored,
				new OAuth2IntrospectionAuthenticatedPrincipal(user.username(), attributes, authorities(user.grants())));
	}

	/**
	 * The grants of a user now (as of at most {@code keep} ago, or the last change
	 * through this instance), for a session that was opened earlier; null when the user
	 * is disabled or unknown.
	 */
	List<GrantedAuthority> currentAuthorities(UUID userId) {
		return this.grants.get(userId, id -> this.users.byId(id).filter(User::active).map(u -> authorities(u.grants())))
			.orElse(null);
	}

	static List<GrantedAuthority> authorities(List<Grant> grants) {
		List<GrantedAuthority> out = new ArrayList<>();
		for (String a : Grant.authorities(grants)) {
			out.add(new SimpleGrantedAuthority(a));
		}
		return out;
	}

	/**
	 * A presented token that does not work, and why: {@code unknown}, {@code revoked},
	 * {@code expired} or {@code userDisabled}.
	 */
	static final class RefusedToken extends BadOpaqueTokenException {

		private final transient Problem problem;

		RefusedToken(String why) {
			this(Problem.keyed(ErrorCode.INVALID_TOKEN, "Authorization", why));
		}

		private RefusedToken(Problem problem) {
			super(problem.detail());
			this.problem = problem;
		}

		Problem problem() {
			return this.problem;
		}

	}

}
