package org.truce.agreement.model;

import java.util.Set;

/** Whom a term binds. */
public sealed interface ActorSelector permits ActorSelector.Parties, ActorSelector.Named, ActorSelector.Side {

	/** Every party bound by the agreement at the time, as its declarations say. */
	record Parties() implements ActorSelector {

	}

	/**
	 * Named actors; with {@code includeSubunits}, also every actor under one of them (an
	 * air force under its government).
	 */
	record Named(Set<String> actorIds, boolean includeSubunits) implements ActorSelector {

		public Named {
			actorIds = Set.copyOf(actorIds);
		}

	}

	/** Every party on one side of the agreement, by the side's id. */
	record Side(String sideId) implements ActorSelector {

	}

}
