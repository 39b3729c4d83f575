package org.truce.report.model;

import java.util.List;
import java.util.Objects;

import org.truce.actor.model.ActorRef;

/**
 * Who acted in a report's event, as far as its source says; kept apart from the names the
 * source gives ({@link Report#actor()}, {@link Report#target()}), which are never
 * reordered.
 *
 * @param kind how the report's actor and target relate to who acted
 * @param alsoPossible for {@link Kind#ONE_OF}, the actors other than the report's actor
 * that may have acted; empty otherwise
 * @param basis when a stated rule, not the source, decided who acted: the rule and the
 * source's words it read (the report then carries {@link DataFlag#PERPETRATOR_INFERRED});
 * null otherwise
 */
public record WhoActed(Kind kind, List<ActorRef> alsoPossible, String basis) {

	/** The source says the actor acted against the target. */
	public static final WhoActed ACTOR = new WhoActed(Kind.ACTOR, List.of(), null);

	/** The source names two sides of a dyad and does not say which acted. */
	public static final WhoActed EITHER_SIDE = new WhoActed(Kind.EITHER_SIDE, List.of(), null);

	public WhoActed {
		Objects.requireNonNull(kind, "kind");
		alsoPossible = alsoPossible == null ? List.of() : List.copyOf(alsoPossible);
	}

	/** How a report's named actors relate to who acted. */
	public enum Kind {

		/**
		 * The actor acted against the target: the source says so, or a stated rule
		 * inferred it (see {@link WhoActed#basis()}).
		 */
		ACTOR,

		/**
		 * The actor and the target are the two sides of a dyad (as in UCDP's state-based
		 * and non-state events): one of them acted against the other, or both did; the
		 * source does not say which.
		 */
		EITHER_SIDE,

		/**
		 * The actor or one of {@link WhoActed#alsoPossible()} acted against the target;
		 * the source does not say which.
		 */
		ONE_OF

	}

}
