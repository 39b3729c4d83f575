package org.truce.determination.web;

import java.util.List;

import org.truce.determination.application.Determining;
import org.truce.determination.model.Verdict;
import org.truce.web.AssertedBody;

/** The bodies the determination endpoints take. */
final class Requests {

	private Requests() {
	}

	/**
	 * A draft, or (with {@code version}) an edit of one.
	 *
	 * @param sides the sponsor sides that must sign; absent for the configured ones
	 * @param version for an edit, the version read (or send If-Match)
	 */
	record DraftRequest(String agreement, String term, String actor, Verdict verdict, String rationale,
			List<String> sides, Integer version) {

		Determining.Draft draft() {
			return new Determining.Draft(this.agreement, this.term, this.actor, this.verdict, this.rationale,
					this.sides);
		}

	}

	/**
	 * @param version the version signed (or send If-Match)
	 * @param side the side signed for; absent for the co-chair's only side named
	 * @param asserted for a signature given earlier (at a meeting, in a letter): when, on
	 * whose word and in what document
	 */
	record SignOffRequest(Integer version, String side, AssertedBody asserted) {

		SignOffRequest(Integer version, String side) {
			this(version, side, null);
		}

	}

	/**
	 * @param dissent whether this is a co-chair's dissent rather than a comment
	 * @param side for a dissent, the side dissenting; absent for the co-chair's only side
	 * named
	 * @param asserted for a comment or dissent given earlier (at a meeting, in a
	 * statement): when, on whose word and in what document
	 */
	record CommentRequest(String text, Boolean dissent, String side, AssertedBody asserted) {

		CommentRequest(String text, Boolean dissent, String side) {
			this(text, dissent, side, null);
		}

	}

}
