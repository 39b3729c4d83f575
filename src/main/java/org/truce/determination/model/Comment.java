package org.truce.determination.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A remark kept with a determination: a comment by any staff member, or a co-chair's
 * dissent ("does not sign, because…"). Neither changes the determination.
 *
 * @param side for a dissent, the side of the co-chair who dissents; null for a comment
 */
public record Comment(UUID id, UUID determinationId, String userId, String side, boolean dissent, String text,
		Instant at) {

	public Comment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(determinationId, "determinationId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(at, "at");
		if (dissent && side == null) {
			throw new IllegalArgumentException("a dissent is a side's");
		}
	}

}
