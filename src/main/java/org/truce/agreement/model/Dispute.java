package org.truce.agreement.model;

import java.util.List;
import java.util.Objects;

/**
 * A fact of an agreement on which its parties or observers disagree, with two or more
 * views of it. Findings are computed under each view, each labelled with it; none is
 * preferred. The fact is the agreement's effective period (when it began or ended), or a
 * term's distances from a route ({@code termId}).
 *
 * @param id stable id within the agreement, such as {@code end}
 * @param fact what is disputed, for people
 * @param termId the term whose distances are disputed; null when the effective period is
 * @param views the views, two or more, in the order the document gives them
 */
public record Dispute(String id, String fact, String termId, List<View> views) {

	public Dispute {
		Objects.requireNonNull(id, "id");
		views = List.copyOf(views);
	}

	/** A dispute over the agreement's effective period. */
	public Dispute(String id, String fact, List<View> views) {
		this(id, fact, null, views);
	}

	/** Whether the fact bears on the term: the effective period bears on every term. */
	public boolean concerns(Term term) {
		return this.termId == null || this.termId.equals(term.id());
	}

	/**
	 * One view of a disputed fact.
	 *
	 * @param id stable id, unique among the agreement's views, such as
	 * {@code united-states}
	 * @param label for people, such as "Ended 3 October 2016 (United States)"
	 * @param heldBy the actor ids that hold it
	 * @param sources where it is documented
	 * @param effective the agreement's effective period under this view, for a dispute
	 * over it; else null
	 * @param distances the term's distances under this view, for a dispute over them;
	 * else null
	 */
	public record View(String id, String label, List<String> heldBy, List<String> sources, Period effective,
			RouteDistances distances) {

		public View {
			Objects.requireNonNull(id, "id");
			if ((effective == null) == (distances == null)) {
				throw new IllegalArgumentException("a view holds an effective period or a term's distances");
			}
			heldBy = heldBy == null ? List.of() : List.copyOf(heldBy);
			sources = sources == null ? List.of() : List.copyOf(sources);
		}

		/** A view of the effective period. */
		public View(String id, String label, List<String> heldBy, List<String> sources, Period effective) {
			this(id, label, heldBy, sources, effective, null);
		}

	}

}
