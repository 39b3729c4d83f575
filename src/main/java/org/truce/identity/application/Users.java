package org.truce.identity.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;

/** The store of users, their grants and their API tokens. */
public interface Users {

	void add(User user, String passwordHash);

	Optional<User> byUsername(String username);

	Optional<User> byId(UUID id);

	/** The Argon2id hash of the user's password, or empty when it has none. */
	Optional<String> passwordHash(UUID userId);

	void setPasswordHash(UUID userId, String passwordHash);

	List<User> all();

	/**
	 * @return false when the user already held the grant
	 */
	boolean addGrant(UUID userId, Grant grant, Instant at);

	/**
	 * @return false when the user did not hold the grant
	 */
	boolean removeGrant(UUID userId, Grant grant);

	void addToken(ApiToken token, String tokenHash);

	/** The token with this SHA-256 (hex), whatever its state. */
	Optional<ApiToken> tokenByHash(String tokenHash);

	Optional<ApiToken> token(UUID tokenId);

	List<ApiToken> tokens(UUID userId);

	/**
	 * @return false when the token was already revoked
	 */
	boolean revokeToken(UUID tokenId, Instant at);

}
