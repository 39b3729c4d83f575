package org.truce.humanitarian.model;

/** What came of an access request. */
public enum AccessOutcomeKind {

	DELIVERED, PARTLY_DELIVERED,

	/** Stopped by an actor: an aid-obstruction incident attributed to it. */
	BLOCKED,

	/**
	 * Did not get through, and no one actor is recorded as having stopped it (the
	 * permissions or the guarantees never came, the parties blamed each other): the
	 * reason says what is known, and nobody is charged with an obstruction.
	 */
	NOT_DELIVERED

}
