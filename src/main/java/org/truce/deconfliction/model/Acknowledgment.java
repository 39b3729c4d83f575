package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.UUID;

import org.truce.shared.Asserted;

/**
 * A party's acknowledgment that its liaison received a notification.
 *
 * @param party the actor the liaison speaks for
 * @param by the liaison's user id
 * @param at when Truce recorded it
 * @param asserted when the party acknowledged it, on whose word and in what document: the
 * recording itself unless it was entered after the fact (never later than {@code at})
 */
public record Acknowledgment(UUID notificationId, String party, String by, Instant at, Asserted asserted) {

	public Acknowledgment {
		if (asserted == null && at != null && by != null) {
			asserted = Asserted.recorded(at, by);
		}
	}

	/** An acknowledgment that asserts nothing but its recording. */
	public Acknowledgment(UUID notificationId, String party, String by, Instant at) {
		this(notificationId, party, by, at, null);
	}

	/** When the party acknowledged it, as asserted. */
	public Instant acknowledgedAt() {
		return this.asserted == null ? this.at : this.asserted.at();
	}

}
