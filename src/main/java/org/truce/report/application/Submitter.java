package org.truce.report.application;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.truce.identity.model.Grant;

/**
 * Who submits a report, as the report records it ({@code Report#submitter}): a signed-in
 * user, with the grants it holds, whose use of the source is checked; or one of Truce's
 * own writers, which file under sources of their own (the aid-obstruction report of a
 * blocked convoy, on behalf of the user who recorded the outcome; an import, on behalf of
 * the importing user or, from the command line, of its run).
 *
 * @param id a user id, or what names the writer (such as {@code import:<run id>})
 * @param grants the user's grants; empty for one of Truce's writers
 * @param user whether a user submits, whose use of the source is checked
 */
public record Submitter(String id, List<Grant> grants, boolean user) {

	public Submitter {
		Objects.requireNonNull(id, "id");
		grants = grants == null ? List.of() : List.copyOf(grants);
	}

	/** A signed-in user holding these grants. */
	public static Submitter user(String userId, Collection<Grant> grants) {
		return new Submitter(userId, List.copyOf(grants), true);
	}

	/**
	 * One of Truce's own writers, under a source of its own, on behalf of {@code id}.
	 */
	public static Submitter record(String id) {
		return new Submitter(id, List.of(), false);
	}

}
