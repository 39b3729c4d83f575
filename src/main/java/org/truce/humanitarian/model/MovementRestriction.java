package org.truce.humanitarian.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A restriction of the monitors' own freedom of movement, as the OSCE Special Monitoring
 * Mission records them: who stopped which patrol, where, when and how.
 *
 * @param id assigned by Truce
 * @param kind denial, delay or conditional access
 * @param delayMinutes for {@link MovementRestrictionKind#DELAY}, how long, at least 1;
 * else null
 * @param place where the patrol was stopped
 * @param at when (UTC)
 * @param restrictedBy the actor id of who restricted it
 * @param patrol the monitors' patrol as they describe it
 * @param conditions for conditional access, the conditions set; else null
 * @param recordedBy the monitor's user id
 * @param recordedAt when Truce recorded it
 * @param reportId its RESTRICTION_OF_MONITORS_MOVEMENT report, stored in the
 * restriction's transaction; null before it is linked
 */
public record MovementRestriction(UUID id, MovementRestrictionKind kind, Integer delayMinutes, AccessDestination place,
		Instant at, String restrictedBy, String patrol, String conditions, String recordedBy, Instant recordedAt,
		UUID reportId) {

	public MovementRestriction {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(place, "place");
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(restrictedBy, "restrictedBy");
		Objects.requireNonNull(patrol, "patrol");
		Objects.requireNonNull(recordedBy, "recordedBy");
		Objects.requireNonNull(recordedAt, "recordedAt");
		if (kind == MovementRestrictionKind.DELAY && (delayMinutes == null || delayMinutes < 1)) {
			throw new IllegalArgumentException("a delay lasts at least a minute");
		}
	}

}
