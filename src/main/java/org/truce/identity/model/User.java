package org.truce.identity.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person or machine client that signs in.
 *
 * @param id stable id, used in ledger entries instead of the name
 * @param username the name to sign in with
 * @param grants the roles held
 * @param createdAt when the user was added
 * @param disabledAt when the user was disabled, or null
 */
public record User(UUID id, String username, List<Grant> grants, Instant createdAt, Instant disabledAt) {

	public User {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(createdAt, "createdAt");
		grants = grants == null ? List.of() : List.copyOf(grants);
	}

	public boolean active() {
		return this.disabledAt == null;
	}

}
