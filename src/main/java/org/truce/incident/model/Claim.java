package org.truce.incident.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.truce.shared.Asserted;

/**
 * One side's account of who acted in an incident, kept apart from every other side's. A
 * side's newer claim about an incident supersedes its older one (both stay in the
 * ledger).
 *
 * @param id assigned by Truce
 * @param incidentId the incident
 * @param side the actor the claimant speaks for: a liaison's party or a co-chair's
 * sponsor
 * @param position whether the side says the actor acted, or denies it
 * @param actorId the actor the claim is about
 * @param statement the side's words
 * @param madeBy the user who entered it
 * @param madeAt when Truce recorded it
 * @param asserted when the side made the claim, on whose word and in what document (a
 * statement of 2016 entered now): the recording itself unless it was entered after the
 * fact (never later than {@code madeAt})
 */
public record Claim(String id, UUID incidentId, String side, Position position, String actorId, String statement,
		String madeBy, Instant madeAt, Asserted asserted) {

	public Claim {
		Objects.requireNonNull(incidentId, "incidentId");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(position, "position");
		Objects.requireNonNull(actorId, "actorId");
		statement = statement == null ? "" : statement;
		if (asserted == null && madeAt != null && madeBy != null) {
			asserted = Asserted.recorded(madeAt, madeBy);
		}
	}

	/** A claim that asserts nothing but its recording. */
	public Claim(String id, UUID incidentId, String side, Position position, String actorId, String statement,
			String madeBy, Instant madeAt) {
		this(id, incidentId, side, position, actorId, statement, madeBy, madeAt, null);
	}

	/** What the side says about the actor. */
	public enum Position {

		/** The actor carried it out. */
		ATTRIBUTES,

		/** The actor did not carry it out (was not there, did not fire). */
		DENIES

	}

}
