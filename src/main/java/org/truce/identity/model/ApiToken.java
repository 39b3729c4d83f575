package org.truce.identity.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API token of a user, as stored: never the token itself, only its SHA-256.
 *
 * @param id the token's id, for listing and revoking it
 * @param userId whose token it is
 * @param label what it is for
 * @param createdAt when it was issued
 * @param expiresAt when it stops working, or null for never
 * @param revokedAt when it was revoked, or null
 */
public record ApiToken(UUID id, UUID userId, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {

	public ApiToken {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(createdAt, "createdAt");
	}

	/** Why the token does not work at {@code now}, or null when it does. */
	public String refusal(Instant now) {
		if (this.revokedAt != null && !now.isBefore(this.revokedAt)) {
			return "revoked";
		}
		if (this.expiresAt != null && !now.isBefore(this.expiresAt)) {
			return "expired";
		}
		return null;
	}

}
