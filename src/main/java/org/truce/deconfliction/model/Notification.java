package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

import org.truce.shared.Asserted;

/**
 * A humanitarian notification: a protected static site or a movement that the parties
 * concerned are told not to strike, in the manner of OCHA's Humanitarian Notification
 * System for Deconfliction.
 *
 * @param id assigned by Truce
 * @param kind a site or a movement
 * @param name as the notifier calls it, such as "Al-Quds hospital" or "UN/SARC convoy to
 * Urum al-Kubra"
 * @param siteKind for a site, what it is; null for a movement
 * @param movementKind for a movement, what it is; null for a site
 * @param geometry WGS84 (EPSG:4326, x = longitude): a point or polygon for a site, a line
 * (the route) for a movement
 * @param from start of the time window (required for a movement; for a site, from when it
 * is protected, or null for at once)
 * @param to end of the time window (required for a movement; for a site, null for
 * indefinitely)
 * @param vehicles for a movement, its vehicles (empty for a site)
 * @param markings how the site or vehicles are marked (emblems, flags, roof markings)
 * @param parties the actors (party ids) the notification is delivered to, whose liaisons
 * must acknowledge it
 * @param notifiedBy the notifier's user id
 * @param notifiedAt when Truce recorded it
 * @param asserted when it was notified to the parties, on whose word and in what
 * document: the recording itself unless it was entered after the fact (never later than
 * {@code notifiedAt})
 * @param withdrawnAt when the notifier withdrew it, or null
 * @param version the number of changes made to it, from 1
 */
public record Notification(UUID id, Kind kind, String name, SiteKind siteKind, MovementKind movementKind,
		Geometry geometry, Instant from, Instant to, List<Vehicle> vehicles, String markings, Set<String> parties,
		String notifiedBy, Instant notifiedAt, Asserted asserted, Instant withdrawnAt, int version) {

	public Notification {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(geometry, "geometry");
		vehicles = vehicles == null ? List.of() : List.copyOf(vehicles);
		parties = parties == null ? Set.of() : Set.copyOf(parties);
		if (asserted == null && notifiedAt != null && notifiedBy != null) {
			asserted = Asserted.recorded(notifiedAt, notifiedBy);
		}
	}

	/** A notification that asserts nothing but its recording. */
	public Notification(UUID id, Kind kind, String name, SiteKind siteKind, MovementKind movementKind,
			Geometry geometry, Instant from, Instant to, List<Vehicle> vehicles, String markings, Set<String> parties,
			String notifiedBy, Instant notifiedAt, Instant withdrawnAt, int version) {
		this(id, kind, name, siteKind, movementKind, geometry, from, to, vehicles, markings, parties, notifiedBy,
				notifiedAt, null, withdrawnAt, version);
	}

	/** When it was notified to the parties, as asserted. */
	public Instant notifiedAsAsserted() {
		return this.asserted == null ? this.notifiedAt : this.asserted.at();
	}

	/** A site or a movement. */
	public enum Kind {

		SITE, MOVEMENT

	}

	/** One vehicle of a movement. */
	public record Vehicle(String type, String registration, String markings) {

	}

	/** Whether it protects at this instant: not withdrawn, and within its window. */
	public boolean activeAt(Instant at) {
		return (this.withdrawnAt == null || at.isBefore(this.withdrawnAt))
				&& (this.from == null || !at.isBefore(this.from)) && (this.to == null || !at.isAfter(this.to));
	}

}
