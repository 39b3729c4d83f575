package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

/**
 * One place the proximity alerts watch: a notified site or movement, or a declared
 * position.
 *
 * @param id the notification's or declared position's id
 * @param kind what it is
 * @param name as its notifier or declarer calls it (never shown to readers who may not
 * see it)
 * @param geometry WGS84 (EPSG:4326, x = longitude): point or polygon for a site, line for
 * a movement, area for a position
 * @param from start of its window, or null for no start
 * @param to end of its window, or null for no end
 * @param side for a declared position, the declaring side's actor id; null otherwise
 * @param by the user id of its notifier or declarer, or null
 */
public record ProtectedPlace(UUID id, ProtectedPlaceKind kind, String name, Geometry geometry, Instant from, Instant to,
		String side, String by) {

	public ProtectedPlace {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(geometry, "geometry");
		if (kind == ProtectedPlaceKind.DECLARED_POSITION) {
			Objects.requireNonNull(side, "side");
		}
	}

	/**
	 * The place a notification protects. A withdrawn notification protects up to its
	 * withdrawal.
	 */
	public static ProtectedPlace of(Notification n) {
		ProtectedPlaceKind kind = n.kind() == Notification.Kind.SITE ? ProtectedPlaceKind.SITE
				: ProtectedPlaceKind.MOVEMENT;
		return new ProtectedPlace(n.id(), kind, n.name(), n.geometry(), n.from(), earlier(n.to(), n.withdrawnAt()),
				null, n.notifiedBy());
	}

	/** The place a declared position covers, up to its withdrawal if withdrawn. */
	public static ProtectedPlace of(DeclaredPosition p) {
		return new ProtectedPlace(p.id(), ProtectedPlaceKind.DECLARED_POSITION, p.label(), p.area(), p.from(),
				earlier(p.to(), p.withdrawnAt()), p.side(), p.declaredBy());
	}

	private static Instant earlier(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isBefore(b) ? a : b;
	}

	/** Whether the place is secret (a declared position). */
	public boolean restricted() {
		return this.kind == ProtectedPlaceKind.DECLARED_POSITION;
	}

}
