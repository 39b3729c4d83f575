package org.truce.bulletin.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A named side's dissent from a bulletin, in its co-chair's words: kept with the draft,
 * and published with it as an annex. It does not count towards the quorum.
 */
public record DissentAnnex(UUID id, UUID draftId, String side, String userId, String text, Instant at) {

	public DissentAnnex {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(draftId, "draftId");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(at, "at");
	}

}
