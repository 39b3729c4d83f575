package org.truce.identity.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.Sha256;

/**
 * Adds users, grants and revokes roles, issues and revokes API tokens, and records
 * sign-ins. Each change and its ledger entry commit together. Ledger entries name users
 * by id, never by name, and never hold a password or token hash.
 */
@Service
public class ManagingUsers {

	/** Who acted, in ledger entries, when a change comes from the command line. */
	public static final String COMMAND_LINE = "command-line";

	static final int MIN_PASSWORD_LENGTH = 12;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{2,63}");

	private static final String TOKEN_PREFIX = "truce_";

	private final Users users;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ActorDirectory actors;

	private final AccessChanges changes;

	private final SecureRandom random = new SecureRandom();

	public ManagingUsers(Users users, Ledger ledger, TransactionTemplate tx, PasswordEncoder passwords, Clock clock,
			ActorDirectory actors, AccessChanges changes) {
		this.actors = actors;
		this.changes = changes;
		this.users = users;
		this.ledger = ledger;
		this.tx = tx;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** A user just added, with the password it was given (shown once). */
	public record Added(User user, String password) {

	}

	/** A token just issued, with its secret (shown once; only its hash is kept). */
	public record IssuedToken(ApiToken token, String secret) {

	}

	/**
	 * Adds a user with the given grants.
	 * @param password the password, or null to generate one
	 * @param by who adds it: a user id or {@link #COMMAND_LINE}
	 */
	public Added add(String username, String password, List<Grant> grants, String by) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw AccessRefused.invalid("username", "username");
		}
		String secret = password == null ? generatePassword() : password;
		if (secret.length() < MIN_PASSWORD_LENGTH) {
			throw AccessRefused.invalid("password", "passwordOrGenerated", MIN_PASSWORD_LENGTH);
		}
		grants.forEach(g -> knownSide(g, "grants"));
		String hash = this.passwords.encode(secret);
		return changed(this.tx.execute(status -> {
			if (this.users.byUsername(username).isPresent()) {
				throw AccessRefused.conflict("userExists", username);
			}
			Instant now = this.clock.instant();
			User user = new User(UUID.randomUUID(), username, List.of(), now, null);
			this.users.add(user, hash);
			List<LedgerEntry> entries = new ArrayList<>();
			entries.add(audit("user-added", user.id(), null, by));
			for (Grant g : grants) {
				if (this.users.addGrant(user.id(), g, now)) {
					entries.add(audit("role-granted", user.id(), g, by));
				}
			}
			this.ledger.append(entries);
			return new Added(this.users.byId(user.id()).orElseThrow(), secret);
		}));
	}

	/**
	 * @return false when the user held the grant already
	 */
	public boolean grant(String username, Grant grant, String by) {
		knownSide(grant, "grant");
		return changed(this.tx.execute(status -> {
			User user = existing(username);
			boolean added = this.users.addGrant(user.id(), grant, this.clock.instant());
			if (added) {
				this.ledger.append(List.of(audit("role-granted", user.id(), grant, by)));
			}
			return added;
		}));
	}

	/**
	 * @return false when the user did not hold the grant
	 */
	public boolean revoke(String username, Grant grant, String by) {
		return changed(this.tx.execute(status -> {
			User user = existing(username);
			boolean removed = this.users.removeGrant(user.id(), grant);
			if (removed) {
				this.ledger.append(List.of(audit("role-revoked", user.id(), grant, by)));
			}
			return removed;
		}));
	}

	/**
	 * Issues an API token.
	 * @param expiresAt when it stops working, or null for never
	 */
	public IssuedToken issueToken(String username, String label, Instant expiresAt, String by) {
		Instant now = this.clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw AccessRefused.invalid("expiresAt", "tokenExpiry");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		return changed(this.tx.execute(status -> {
			User user = existing(username);
			ApiToken token = new ApiToken(UUID.randomUUID(), user.id(), label == null ? "" : label, now, expiresAt,
					null);
			this.users.addToken(token, Sha256.hex(secret));
			Map<String, Object> body = body(user.id().toString(), null, by);
			body.put("token", token.id().toString());
			if (expiresAt != null) {
				body.put("expiresAt", expiresAt.toString());
			}
			this.ledger.append(List.of(new LedgerEntry("token-issued", user.id().toString(), body)));
			return new IssuedToken(token, secret);
		}));
	}

	/**
	 * @return false when the token was revoked already
	 */
	public boolean revokeToken(UUID tokenId, String by) {
		return changed(this.tx.execute(status -> {
			ApiToken token = this.users.token(tokenId)
				.orElseThrow(() -> AccessRefused.notFound("token", "token", tokenId));
			boolean revoked = this.users.revokeToken(tokenId, this.clock.instant());
			if (revoked) {
				Map<String, Object> body = body(token.userId().toString(), null, by);
				body.put("token", tokenId.toString());
				this.ledger.append(List.of(new LedgerEntry("token-revoked", token.userId().toString(), body)));
			}
			return revoked;
		}));
	}

	/**
	 * The grants a user holds now, for a connection opened earlier (an event stream):
	 * empty when the user is unknown or disabled, or when the API token it connected with
	 * (if any) is unknown, revoked or expired.
	 * @param tokenId the API token the connection was opened with, or null for a session
	 */
	public Optional<List<Grant>> currentGrants(UUID userId, UUID tokenId) {
		if (tokenId != null) {
			Optional<ApiToken> token = this.users.token(tokenId);
			if (token.isEmpty() || !token.get().userId().equals(userId)
					|| token.get().refusal(this.clock.instant()) != null) {
				return Optional.empty();
			}
		}
		return this.users.byId(userId).filter(User::active).map(User::grants);
	}

	/** Sets a new password (for the command line); the old one stops working. */
	public String resetPassword(String username, String password, String by) {
		String secret = password == null ? generatePassword() : password;
		if (secret.length() < MIN_PASSWORD_LENGTH) {
			throw AccessRefused.invalid("password", "password", MIN_PASSWORD_LENGTH);
		}
		String hash = this.passwords.encode(secret);
		this.tx.executeWithoutResult(status -> {
			User user = existing(username);
			this.users.setPasswordHash(user.id(), hash);
			this.ledger.append(List.of(audit("password-reset", user.id(), null, by)));
		});
		changed(null);
		return secret;
	}

	/** The user and token a presented token secret belongs to, whatever their state. */
	public Optional<ApiToken> tokenFor(String secret) {
		if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
			return Optional.empty();
		}
		return this.users.tokenByHash(Sha256.hex(secret));
	}

	/**
	 * Records an interactive sign-in (password or identity provider) in the ledger. Token
	 * use is not a sign-in: a token is already an audited grant.
	 */
	public void recordSignIn(String userId, String method) {
		Map<String, Object> body = body(userId, null, userId);
		body.put("method", method);
		this.ledger.append(List.of(new LedgerEntry("sign-in", userId, body)));
	}

	/**
	 * A change to who may do what has been made (and committed, unless an outer
	 * transaction commits it later, which {@link AccessChanges} waits for).
	 */
	private <T> T changed(T result) {
		this.changes.changed();
		return result;
	}

	private void knownSide(Grant grant, String field) {
		if (grant.actorId() != null && this.actors.registry().byId(grant.actorId()).isEmpty()) {
			throw AccessRefused.invalid(field, "grantActor", grant.actorId());
		}
	}

	private User existing(String username) {
		return this.users.byUsername(username).orElseThrow(() -> AccessRefused.noSuchUser(username));
	}

	private LedgerEntry audit(String kind, UUID userId, Grant grant, String by) {
		return new LedgerEntry(kind, userId.toString(), body(userId.toString(), grant, by));
	}

	private Map<String, Object> body(String userId, Grant grant, String by) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user", userId);
		if (grant != null) {
			body.put("role", grant.role().code());
			if (grant.actorId() != null) {
				body.put("side", grant.actorId());
			}
		}
		body.put("by", by);
		body.put("at", this.clock.instant().toString());
		return body;
	}

	private String generatePassword() {
		byte[] bytes = new byte[15];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
