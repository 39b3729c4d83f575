package org.truce.agreement.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A closed interval of time [start, end] in UTC; {@code end} is null for an open-ended
 * period.
 */
public record Period(Instant start, Instant end) {

	public Period {
		Objects.requireNonNull(start, "start");
		if (end != null && end.isBefore(start)) {
			throw new IllegalArgumentException("period ends before it starts");
		}
	}

	public boolean contains(Instant t) {
		return !t.isBefore(this.start) && (this.end == null || !t.isAfter(this.end));
	}

	/** How an interval [from, to] relates to this period. */
	public Relation relate(Instant from, Instant to) {
		boolean startsInside = contains(from);
		boolean endsInside = contains(to);
		if (startsInside && endsInside) {
			return Relation.INSIDE;
		}
		if (to.isBefore(this.start) || (this.end != null && from.isAfter(this.end))) {
			return Relation.OUTSIDE;
		}
		return Relation.STRADDLES;
	}

	/** The overlap with another period, or null when they do not meet. */
	public Period intersect(Period other) {
		Instant s = this.start.isAfter(other.start) ? this.start : other.start;
		Instant e = this.end == null ? other.end
				: other.end == null ? this.end : (this.end.isBefore(other.end) ? this.end : other.end);
		return e != null && e.isBefore(s) ? null : new Period(s, e);
	}

	/** Whether something lies wholly inside, wholly outside, or across an edge. */
	public enum Relation {

		INSIDE, OUTSIDE, STRADDLES

	}

}
