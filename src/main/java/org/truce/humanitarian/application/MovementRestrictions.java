package org.truce.humanitarian.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.humanitarian.model.MovementRestriction;

/**
 * The store of restrictions of the monitors' movement. Writes join the caller's
 * transaction.
 */
public interface MovementRestrictions {

	void insert(MovementRestriction restriction);

	Optional<MovementRestriction> byId(UUID id);

	/**
	 * The most recent first (by when they happened).
	 * @param restrictedBy only those by these actors; null for all
	 * @param limit at most this many
	 */
	List<MovementRestriction> list(java.util.Set<String> restrictedBy, int limit);

	/**
	 * Links a restriction to its report, unless it is linked already.
	 * @return whether this call linked it
	 */
	boolean linkReport(UUID id, UUID reportId);

}
