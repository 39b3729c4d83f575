package org.truce.incident.application;

import java.util.Set;
import java.util.UUID;

/**
 * Published after a change to incidents has committed: the open incidents whose make-up
 * changed, and those that are gone (merged into another), so that what is derived from
 * them (findings) follows.
 */
public record IncidentsChanged(Set<UUID> changed, Set<UUID> gone) {

	public IncidentsChanged {
		changed = Set.copyOf(changed);
		gone = Set.copyOf(gone);
	}

}
