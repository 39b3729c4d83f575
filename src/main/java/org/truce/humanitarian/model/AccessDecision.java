package org.truce.humanitarian.model;

import java.time.Instant;
import java.util.Objects;

import org.truce.shared.Asserted;

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
 * @param asserted when the party decided, on whose word and in what document: the
 * recording itself unless it was entered after the fact (never later than
 * {@code decidedAt}); null while undecided
 */
public record AccessDecision(String party, AccessVerdict verdict, String reasons, String conditions, String reasonsSalt,
		String decidedBy, Instant decidedAt, Asserted asserted) {

	public AccessDecision {
		Objects.requireNonNull(party, "party");
		if (verdict != null) {
			Objects.requireNonNull(reasons, "reasons");
			Objects.requireNonNull(decidedBy, "decidedBy");
			Objects.requireNonNull(decidedAt, "decidedAt");
			if (asserted == null) {
				asserted = Asserted.recorded(decidedAt, decidedBy);
			}
		}
	}

	/** A decision that asserts nothing but its recording. */
	public AccessDecision(String party, AccessVerdict verdict, String reasons, String conditions, String reasonsSalt,
			String decidedBy, Instant decidedAt) {
		this(party, verdict, reasons, conditions, reasonsSalt, decidedBy, decidedAt, null);
	}

	/** A party that has not decided yet. */
	public static AccessDecision pending(String party) {
		return new AccessDecision(party, null, null, null, null, null, null, null);
	}

	/** When the party decided, as asserted; null while undecided. */
	public Instant decidedAsAsserted() {
		return this.asserted == null ? this.decidedAt : this.asserted.at();
	}

	public boolean decided() {
		return this.verdict != null;
	}

}
