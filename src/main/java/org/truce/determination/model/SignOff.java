package org.truce.determination.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One sponsor side's signature on a determination.
 *
 * @param side the actor id of the side, as named in the determination
 * @param userId the co-chair of that side who signed
 * @param version the version of the determination that was signed
 * @param at when
 */
public record SignOff(String side, String userId, int version, Instant at) {

	public SignOff {
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(at, "at");
	}

}
