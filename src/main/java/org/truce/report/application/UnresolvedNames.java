package org.truce.report.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.truce.actor.model.ActorRef;

/**
 * The names in an import's actor and target columns that did not resolve to one actor
 * (unresolved or ambiguous), counted over the rows read as reports (imported or already
 * present; a rejected row is not read that far).
 *
 * @param actorRows rows whose actor column names an actor that did not resolve
 * @param targetRows rows whose target column does
 * @param actors the most common such names in the actor column, most rows first
 * @param targets the same for the target column
 */
public record UnresolvedNames(long actorRows, long targetRows, List<NameCount> actors, List<NameCount> targets) {

	/** How many names of each column are kept. */
	public static final int TOP = 10;

	public static final UnresolvedNames NONE = new UnresolvedNames(0, 0, List.of(), List.of());

	public UnresolvedNames {
		actors = actors == null ? List.of() : List.copyOf(actors);
		targets = targets == null ? List.of() : List.copyOf(targets);
	}

	public boolean isEmpty() {
		return this.actorRows == 0 && this.targetRows == 0;
	}

	/**
	 * @param name the name exactly as the rows give it
	 * @param rows how many rows give it
	 * @param status why it did not resolve: no actor, or more than one
	 */
	public record NameCount(String name, long rows, ActorRef.ResolutionStatus status) {

	}

	/** Counts names as rows are read. Not thread-safe. */
	static final class Tally {

		private final Map<String, Count> actors = new HashMap<>();

		private final Map<String, Count> targets = new HashMap<>();

		private long actorRows;

		private long targetRows;

		void row(ActorRef actor, ActorRef target) {
			if (count(this.actors, actor)) {
				this.actorRows++;
			}
			if (count(this.targets, target)) {
				this.targetRows++;
			}
		}

		private static boolean count(Map<String, Count> names, ActorRef ref) {
			if (ref == null || ref.matchesOneActor()) {
				return false;
			}
			names.computeIfAbsent(ref.asReported(), n -> new Count(ref.status())).rows++;
			return true;
		}

		UnresolvedNames result() {
			return new UnresolvedNames(this.actorRows, this.targetRows, top(this.actors), top(this.targets));
		}

		private static List<NameCount> top(Map<String, Count> names) {
			List<NameCount> all = new ArrayList<>(names.size());
			names.forEach((name, count) -> all.add(new NameCount(name, count.rows, count.status)));
			all.sort(Comparator.comparingLong(NameCount::rows).reversed().thenComparing(NameCount::name));
			return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
		}

		private static final class Count {

			private final ActorRef.ResolutionStatus status;

			private long rows;

			Count(ActorRef.ResolutionStatus status) {
				this.status = status;
			}

		}

	}

}
