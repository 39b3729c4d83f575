package org.truce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.PositionRecord;

/**
 * The store of declared positions. Writes join the caller's transaction and announce
 * {@link ProtectedPlacesChanged} once it commits.
 */
public interface DeclaredPositions {

	/**
	 * @param contentSalt the salt of its content commitment in the ledger
	 */
	void insert(DeclaredPosition position, String contentSalt);

	Optional<PositionRecord> position(UUID id);

	/**
	 * @return whether this call withdrew it (false if withdrawn already or unknown)
	 */
	boolean withdrawPosition(UUID id, String by, Instant at);

	/**
	 * The positions declared by these sides (null for every side), newest first.
	 */
	List<PositionRecord> findPositions(Set<String> sides, boolean includeWithdrawn, int limit);

}
