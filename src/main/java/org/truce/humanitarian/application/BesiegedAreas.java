package org.truce.humanitarian.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.humanitarian.model.BesiegedArea;

/**
 * The store of besieged and hard-to-reach areas. Writes join the caller's transaction.
 */
public interface BesiegedAreas {

	void insert(BesiegedArea area);

	Optional<BesiegedArea> byId(UUID id);

	/** Every area, by name. */
	default List<BesiegedArea> all() {
		return all(Integer.MAX_VALUE);
	}

	/** The first {@code limit} areas, by name. */
	List<BesiegedArea> all(int limit);

	/**
	 * Replaces an area's fields with {@code revised}'s, if it is at
	 * {@code expectedVersion}; its version becomes {@code revised.version()}.
	 * @return false when it is at another version or not stored
	 */
	boolean revise(BesiegedArea revised, int expectedVersion);

}
