package org.truce.determination.model;

import java.time.Instant;
import java.util.Objects;

import org.truce.shared.Asserted;

/**
 * One sponsor side's signature on a determination.
 *
 * @param side the actor id of the side, as named in the determination
 * @param userId the co-chair of that side who signed
 * @param version the version of the determination that was signed
 * @param at when Truce recorded it
 * @param asserted when the side signed, on whose word and in what document (a signature
 * given at a meeting and entered later): the recording itself unless it was entered after
 * the fact (never later than {@code at})
 */
public record SignOff(String side, String userId, int version, Instant at, Asserted asserted) {

	public SignOff {
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(at, "at");
		if (asserted == null) {
			asserted = Asserted.recorded(at, userId);
		}
	}

	/** A sign-off that asserts nothing but its recording. */
	public SignOff(String side, String userId, int version, Instant at) {
		this(side, userId, version, at, null);
	}

}
