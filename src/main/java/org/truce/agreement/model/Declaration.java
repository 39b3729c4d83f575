package org.truce.agreement.model;

import java.time.Instant;
import java.util.Objects;

/** An actor accepted an agreement, or left it, at an instant. */
public record Declaration(String actorId, Kind kind, Instant at, String note) {

	public Declaration {
		Objects.requireNonNull(actorId, "actorId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
	}

	public enum Kind {

		ACCEPTED, LEFT

	}

}
