package org.truce.humanitarian.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.LineString;

/**
 * A humanitarian access request: a notifier asks the parties concerned to let a delivery
 * through along a route to a destination within a time window; each party decides once
 * through its liaison, and the outcome is recorded once.
 *
 * @param id assigned by Truce
 * @param route WGS84 (EPSG:4326, x = longitude), the route the delivery takes
 * @param destination where the delivery goes
 * @param cargo what it carries, in the order given
 * @param peopleInNeed how many people it is for, at least 0
 * @param parties the parties concerned, each with its decision (or none yet), in the
 * order given
 * @param from start of the requested window (UTC)
 * @param to end of the requested window (UTC), not before {@code from}
 * @param requestedBy the notifier's user id
 * @param requestedAt when Truce recorded the request
 * @param contentSalt the salt of the ledger's commitment to the route, destination and
 * cargo (32 lowercase hex characters), kept with the request and shown only to its
 * readers; null for a request recorded before commitments were salted
 * @param outcome what came of it, or null while none is recorded
 * @param obstructionReportId for a {@link AccessOutcomeKind#BLOCKED} outcome, the
 * AID_OBSTRUCTION report it gave rise to, or null until it is stored
 * @param version the number of changes made to it, from 1
 */
public record AccessRequest(UUID id, LineString route, AccessDestination destination, List<AccessCargo> cargo,
		long peopleInNeed, List<AccessDecision> parties, Instant from, Instant to, String requestedBy,
		Instant requestedAt, String contentSalt, AccessOutcome outcome, UUID obstructionReportId, int version) {

	public AccessRequest {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(route, "route");
		Objects.requireNonNull(destination, "destination");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(requestedBy, "requestedBy");
		Objects.requireNonNull(requestedAt, "requestedAt");
		cargo = cargo == null ? List.of() : List.copyOf(cargo);
		parties = parties == null ? List.of() : List.copyOf(parties);
		if (peopleInNeed < 0) {
			throw new IllegalArgumentException("negative people in need");
		}
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the window ends before it starts");
		}
	}

	/** The decision slot of a party concerned, if it is one. */
	public Optional<AccessDecision> party(String actorId) {
		return this.parties.stream().filter(p -> p.party().equals(actorId)).findFirst();
	}

	/** Whether any of these actors is a party concerned. */
	public boolean concerns(java.util.Collection<String> actorIds) {
		return this.parties.stream().anyMatch(p -> actorIds.contains(p.party()));
	}

	/**
	 * Where the request stands: the outcome's kind once recorded; else DENIED if a party
	 * denied it, PENDING while a party has not decided, else APPROVED (with conditions,
	 * if any party set some).
	 */
	public String state() {
		if (this.outcome != null) {
			return this.outcome.kind().name();
		}
		if (this.parties.stream().anyMatch(p -> p.verdict() == AccessVerdict.DENIED)) {
			return "DENIED";
		}
		if (this.parties.stream().anyMatch(p -> !p.decided())) {
			return "PENDING";
		}
		return this.parties.stream().anyMatch(p -> p.verdict() == AccessVerdict.CONDITIONAL)
				? "APPROVED_WITH_CONDITIONS" : "APPROVED";
	}

	/**
	 * The quoted entity tag of this version, as sent in {@code ETag} and
	 * {@code If-Match}.
	 */
	public String etag() {
		return "\"" + this.version + "\"";
	}

}
