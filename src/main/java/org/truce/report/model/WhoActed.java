package org.truce.report.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.truce.actor.model.ActorRef;

/**
 * Who acted in a report's event, as far as its source says; kept apart from the names the
 * source gives ({@link Report#actor()}, {@link Report#target()}). Those names keep the
 * source's order, with one exception: when a stated rule infers from the source's words
 * that the second side of a dyad acted (UCDP's side_b), the report's actor is that side
 * and its target the other, and the {@link #basis()} says that they were swapped.
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

	/** Whether who acted is known: the source says so, or a stated rule inferred it. */
	public boolean known() {
		return this.kind == Kind.ACTOR;
	}

	/**
	 * Everyone who may have acted, the actor first: the actor alone for
	 * {@link Kind#ACTOR}; both sides for {@link Kind#EITHER_SIDE}; the actor and
	 * {@link #alsoPossible()} for {@link Kind#ONE_OF}. Null names are left out.
	 */
	public List<ActorRef> possible(ActorRef actor, ActorRef target) {
		List<ActorRef> out = new ArrayList<>();
		if (actor != null) {
			out.add(actor);
		}
		if (this.kind == Kind.EITHER_SIDE && target != null) {
			out.add(target);
		}
		if (this.kind == Kind.ONE_OF) {
			out.addAll(this.alsoPossible);
		}
		return out;
	}

	/**
	 * Against whom {@code perpetrator} (one of {@link #possible}) acted: for
	 * {@link Kind#EITHER_SIDE}, the other side; otherwise the target.
	 */
	public ActorRef targetOf(ActorRef perpetrator, ActorRef actor, ActorRef target) {
		if (this.kind == Kind.EITHER_SIDE) {
			return Objects.equals(perpetrator, actor) ? target : actor;
		}
		return target;
	}

	/**
	 * Who acted, in words for a reader: {@code X}; {@code X (inferred: basis)};
	 * {@code one of X or Y (not known which)}; null when nobody is named.
	 */
	public String describe(ActorRef actor, ActorRef target) {
		List<ActorRef> possible = possible(actor, target);
		if (possible.isEmpty()) {
			return null;
		}
		if (this.kind == Kind.ACTOR) {
			return possible.get(0).asReported() + (this.basis == null ? "" : " (inferred: " + this.basis + ")");
		}
		List<String> names = possible.stream().map(ActorRef::asReported).toList();
		if (names.size() == 1) {
			return names.get(0) + " or another (not known which)";
		}
		return "one of " + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1)
				+ " (not known which)";
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
