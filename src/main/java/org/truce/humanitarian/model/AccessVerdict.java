package org.truce.humanitarian.model;

/** What a party concerned decides on an access request. */
public enum AccessVerdict {

	APPROVED, DENIED,

	/** Approved on conditions the party states. */
	CONDITIONAL

}
