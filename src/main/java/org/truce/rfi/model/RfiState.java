package org.truce.rfi.model;

/**
 * Where a request for information stands at a given instant. A deadline is inclusive: an
 * answer recorded at the deadline is on time.
 */
public enum RfiState {

	/** Not answered, and the deadline has not passed. */
	OPEN,

	/** Not answered, and the deadline has passed. */
	OVERDUE,

	/** Answered at or before the deadline. */
	ANSWERED_ON_TIME,

	/** Answered after the deadline. */
	ANSWERED_LATE;

	public boolean answered() {
		return this == ANSWERED_ON_TIME || this == ANSWERED_LATE;
	}

}
