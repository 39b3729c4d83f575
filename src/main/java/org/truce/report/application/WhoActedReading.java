package org.truce.report.application;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.WhoActed;

/**
 * Who acted in an imported row, decided once the names the row gives are resolved: a rule
 * may name an actor by id, and only the resolved names say which of the row's two actors
 * that is.
 */
@FunctionalInterface
interface WhoActedReading {

	/** The source says its first actor acted against the second. */
	WhoActedReading STATED = stated(WhoActed.ACTOR);

	/**
	 * @param actor the row's first actor, resolved, or null
	 * @param target the row's second actor, resolved, or null
	 */
	Decision decide(ActorRef actor, ActorRef target);

	/** The same who-acted whatever the names resolve to, in the row's order. */
	static WhoActedReading stated(WhoActed whoActed) {
		return (actor, target) -> new Decision(actor, target, whoActed, false);
	}

	/**
	 * The report's actor and target (in the row's order unless a rule swapped them) and
	 * who acted.
	 *
	 * @param swapped whether the actor is the row's second actor and the target its
	 * first, so that the row's per-side figures swap too
	 */
	record Decision(ActorRef actor, ActorRef target, WhoActed whoActed, boolean swapped) {

		/** Whether a stated rule, not the source, decided who acted. */
		boolean inferred() {
			return this.whoActed.basis() != null;
		}

	}

}
