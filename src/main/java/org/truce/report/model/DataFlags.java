package org.truce.report.model;

import java.util.EnumSet;
import java.util.Set;

import org.truce.actor.model.ActorRef;

/** Derives the data flags that follow from a report's own fields. */
public final class DataFlags {

	private DataFlags() {
	}

	public static Set<DataFlag> derive(ActorRef actor, ActorRef target, Casualties casualties) {
		EnumSet<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
		if (actor != null && actor.status() == ActorRef.ResolutionStatus.UNRESOLVED) {
			flags.add(DataFlag.ACTOR_UNRESOLVED);
		}
		if (actor != null && actor.status() == ActorRef.ResolutionStatus.AMBIGUOUS) {
			flags.add(DataFlag.ACTOR_AMBIGUOUS);
		}
		if (target != null && target.status() == ActorRef.ResolutionStatus.UNRESOLVED) {
			flags.add(DataFlag.TARGET_UNRESOLVED);
		}
		if (target != null && target.status() == ActorRef.ResolutionStatus.AMBIGUOUS) {
			flags.add(DataFlag.TARGET_AMBIGUOUS);
		}
		Estimate total = casualties.total();
		if (total != null && total.best() != null && total.best() == 0) {
			flags.add(DataFlag.BEST_ZERO);
		}
		if (casualties.parts().anyMatch(e -> !e.inOrder())) {
			flags.add(DataFlag.ESTIMATE_ORDER_BROKEN);
		}
		return flags;
	}

}
