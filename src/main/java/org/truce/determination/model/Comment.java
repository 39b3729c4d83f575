package org.truce.determination.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.truce.shared.Asserted;

/**
 * A remark kept with a determination: a comment by any staff member, or a co-chair's
 * dissent ("does not sign, because…"). Neither changes the determination.
 *
 * @param side for a dissent, the side of the co-chair who dissents; null for a comment
 * @param at when Truce recorded it
 * @param asserted when it was said, on whose word and in what document (a dissent given
 * at a meeting or in a statement and entered later): the recording itself unless it was
 * entered after the fact (never later than {@code at})
 */
public record Comment(UUID id, UUID determinationId, String userId, String side, boolean dissent, String text,
		Instant at, Asserted asserted) {

	public Comment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(determinationId, "determinationId");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(at, "at");
		if (dissent && side == null) {
			throw new IllegalArgumentException("a dissent is a side's");
		}
		if (asserted == null) {
			asserted = Asserted.recorded(at, userId);
		}
	}

	/** A comment or dissent that asserts nothing but its recording. */
	public Comment(UUID id, UUID determinationId, String userId, String side, boolean dissent, String text,
			Instant at) {
		this(id, determinationId, userId, side, dissent, text, at, null);
	}

}
