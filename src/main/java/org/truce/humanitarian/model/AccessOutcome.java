package org.truce.humanitarian.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What came of an access request, recorded once by the notifier or a monitor.
 *
 * @param kind delivered, partly delivered, blocked or not delivered
 * @param deliveredShare for {@link AccessOutcomeKind#PARTLY_DELIVERED}, the share of the
 * cargo delivered, strictly between 0 and 1; else null
 * @param deliveredNote for a partial delivery, what was delivered (quantities), or null
 * @param blockedBy for {@link AccessOutcomeKind#BLOCKED}, the actor id of whoever blocked
 * it; else null
 * @param blockedAt for a blocked delivery, where it was stopped (defaults to the
 * destination); else null
 * @param reason why it was blocked or not delivered (required then), or a note
 * @param detailsSalt the salt of the ledger's commitment to the reason, the delivery note
 * and where it was blocked (32 lowercase hex characters), kept with the outcome and shown
 * only to the request's readers; null for an outcome recorded before it had one
 * @param at when it happened (UTC)
 * @param recordedBy the user id of who recorded it
 * @param recordedAt when Truce recorded it
 */
public record AccessOutcome(AccessOutcomeKind kind, Double deliveredShare, String deliveredNote, String blockedBy,
		AccessDestination blockedAt, String reason, String detailsSalt, Instant at, String recordedBy,
		Instant recordedAt) {

	public AccessOutcome {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(recordedBy, "recordedBy");
		Objects.requireNonNull(recordedAt, "recordedAt");
		if (kind == AccessOutcomeKind.BLOCKED) {
			Objects.requireNonNull(blockedBy, "blockedBy");
			Objects.requireNonNull(blockedAt, "blockedAt");
			Objects.requireNonNull(reason, "reason");
		}
		if (kind == AccessOutcomeKind.NOT_DELIVERED) {
			Objects.requireNonNull(reason, "reason");
		}
		if (kind == AccessOutcomeKind.PARTLY_DELIVERED
				&& (deliveredShare == null || !(deliveredShare > 0 && deliveredShare < 1))) {
			throw new IllegalArgumentException("a partial delivery has a share strictly between 0 and 1");
		}
	}

}
