package org.truce.humanitarian.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A party concerned by an access request, and its decision once taken. A party decides
 * once: a decision is not superseded (a changed position is a new request).
 *
 * @param party the actor id of the party concerned
 * @param verdict its decision, or null while it has not decided
 * @param reasons why, as its liaison states them (required with a decision)
 * @param conditions for {@link AccessVerdict#CONDITIONAL}, the conditions; else null
 * @param reasonsSalt the salt of the ledger's commitment to the reasons and conditions
 * (32 lowercase hex characters); null while undecided, or for a decision recorded before
 * commitments were salted
 * @param decidedBy the liaison's user id, or null
 * @param decidedAt when the decision was recorded, or null
 */
public record AccessDecision(String party, AccessVerdict verdict, String reasons, String conditions, String reasonsSalt,
		String decidedBy, Instant decidedAt) {

	public AccessDecision {
		Objects.requireNonNull(party, "party");
		if (verdict != null) {
			Objects.requireNonNull(reasons, "reasons");
			Objects.requireNonNull(decidedBy, "decidedBy");
			Objects.requireNonNull(decidedAt, "decidedAt");
		}
	}

	/** A party that has not decided yet. */
	public static AccessDecision pending(String party) {
		return new AccessDecision(party, null, null, null, null, null, null);
	}

	public boolean decided() {
		return this.verdict != null;
	}

}
