package org.truce.deconfliction.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.deconfliction.model.Alert;

/** The store of proximity alerts. */
public interface Alerts {

	/**
	 * Stores the alerts not yet stored (one per report and place), in the caller's
	 * transaction.
	 * @return those it stored
	 */
	List<Alert> insert(List<Alert> alerts);

	Optional<Alert> byId(UUID id);

	/**
	 * The newest alerts first, at most {@code limit}, of those the reader may see.
	 * @param unrestricted include the alerts about every notified site and movement
	 * @param notifiedBy include the alerts about the sites and movements this user
	 * notified (null: none)
	 * @param restrictedSides include the alerts about the positions declared by these
	 * sides
	 * @param allRestricted include the alerts about every declared position
	 */
	List<Alert> newest(int limit, boolean unrestricted, String notifiedBy, Set<String> restrictedSides,
			boolean allRestricted);

	/**
	 * The alerts stored after this one, oldest first (by id: ids are time-ordered UUID
	 * v7, and ordered as unsigned 128-bit numbers), at most {@code limit}, of those the
	 * reader may see; the same reader's filters as {@link #newest}.
	 */
	List<Alert> after(UUID after, int limit, boolean unrestricted, String notifiedBy, Set<String> restrictedSides,
			boolean allRestricted);

	List<Alert> ofReport(UUID reportId);

}
