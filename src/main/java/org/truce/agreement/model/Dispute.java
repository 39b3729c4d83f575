package org.truce.agreement.model;

import java.util.List;
import java.util.Objects;

/**
 * A fact of an agreement on which its parties or observers disagree, such as when it
 * ended, with two or more views of it. Findings are computed under each view, each
 * labelled with it; none is preferred.
 *
 * @param id stable id within the agreement, such as {@code end}
 * @param fact what is disputed, for people
 * @param views the views, two or more, in the order the document gives them
 */
public record Dispute(String id, String fact, List<View> views) {

	public Dispute {
		Objects.requireNonNull(id, "id");
		views = List.copyOf(views);
	}

	/**
	 * One view of a disputed fact.
	 *
	 * @param id stable id, unique among the agreement's views, such as
	 * {@code united-states}
	 * @param label for people, such as "Ended 3 October 2016 (United States)"
	 * @param heldBy the actor ids that hold it
	 * @param sources where it is documented
	 * @param effective the agreement's effective period under this view
	 */
	public record View(String id, String label, List<String> heldBy, List<String> sources, Period effective) {

		public View {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(effective, "effective");
			heldBy = heldBy == null ? List.of() : List.copyOf(heldBy);
			sources = sources == null ? List.of() : List.copyOf(sources);
		}

	}

}
