package org.truce.humanitarian.model;

/** What came of an access request. */
public enum AccessOutcomeKind {

	DELIVERED, PARTLY_DELIVERED,

	/** Stopped by an actor: an aid-obstruction incident attributed to it. */
	BLOCKED

}
