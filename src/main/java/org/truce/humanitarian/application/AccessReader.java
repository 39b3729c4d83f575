package org.truce.humanitarian.application;

import java.util.Set;

import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.MovementRestriction;

/**
 * Who reads humanitarian access records: staff (monitors, co-chairs) and notifiers read
 * every request; a liaison reads the requests that concern its side (its party and the
 * party's sub-units) and decides for them; anyone else reads none.
 *
 * @param userId the signed-in user
 * @param staff a monitor or co-chair
 * @param notifier a humanitarian notifier
 * @param side for a liaison, its side's actor ids; else empty
 */
public record AccessReader(String userId, boolean staff, boolean notifier, Set<String> side) {

	public AccessReader {
		side = side == null ? Set.of() : Set.copyOf(side);
	}

	/** Whether this reader reads every request. */
	public boolean readsAll() {
		return this.staff || this.notifier;
	}

	public boolean mayRead(AccessRequest request) {
		return readsAll() || request.concerns(this.side);
	}

	/**
	 * Whether this reader reads a restriction of the monitors' movement: staff every one,
	 * a liaison those its side imposed (as {@code RecordingMovementRestrictions#list}
	 * selects them in its query).
	 */
	public boolean mayRead(MovementRestriction restriction) {
		return this.staff || this.side.contains(restriction.restrictedBy());
	}

}
