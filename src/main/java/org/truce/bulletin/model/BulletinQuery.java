package org.truce.bulletin.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a bulletin is asked for: an agreement and a period of calendar days, both
 * included, counted in the agreement's time zone; optionally narrowed to one zone, one
 * party or one event type.
 *
 * @param agreementId the agreement
 * @param from the first day of the period
 * @param to the last day of the period (included)
 * @param zoneId only incidents in this zone of the agreement, or null for all
 * @param partyActorId only incidents this actor is charged with or may have committed
 * (attributed or "one of"), or null for all
 * @param eventType only incidents of this event type (its enum name, such as
 * {@code AIR_DRONE_STRIKE}, in any case), or null for all
 */
public record BulletinQuery(String agreementId, LocalDate from, LocalDate to, String zoneId, String partyActorId,
		String eventType) {

	public BulletinQuery {
		Objects.requireNonNull(agreementId, "agreementId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		eventType = eventType == null ? null : eventType.toUpperCase(java.util.Locale.ROOT);
	}

	/** The whole bulletin for the period, without filters. */
	public BulletinQuery(String agreementId, LocalDate from, LocalDate to) {
		this(agreementId, from, to, null, null, null);
	}

	/** How many days the period holds. */
	public long days() {
		return java.time.temporal.ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** The period of the same length that ends the day before this one starts. */
	public BulletinQuery previous() {
		return new BulletinQuery(this.agreementId, this.from.minusDays(days()), this.from.minusDays(1), this.zoneId,
				this.partyActorId, this.eventType);
	}

}
