package org.truce.incident.model;

import java.util.List;
import java.util.Objects;

/**
 * How two reports relate, by {@link Clustering#compare}.
 */
public sealed interface Comparison permits Comparison.Same, Comparison.Candidate, Comparison.Unrelated {

	/**
	 * They describe the same event and are merged automatically.
	 *
	 * @param distanceMetres between their points
	 * @param gapSeconds between their intervals, 0 when they overlap
	 */
	record Same(double distanceMetres, long gapSeconds) implements Comparison {

	}

	/**
	 * They may describe the same event, but are never merged without an analyst.
	 *
	 * @param reasons why not, at least one, in {@link LinkReason} order
	 * @param distanceMetres between their points
	 * @param gapSeconds between their intervals, 0 when they overlap
	 */
	record Candidate(List<LinkReason> reasons, double distanceMetres, long gapSeconds) implements Comparison {

		public Candidate {
			reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
			if (reasons.isEmpty()) {
				throw new IllegalArgumentException("a candidate link has at least one reason");
			}
		}

	}

	/**
	 * Not near in space or time, from one source as two records, or too vague to link.
	 */
	record Unrelated() implements Comparison {

	}

}
