package org.truce.determination.model;

/** What a determination says of an incident under one term. */
public enum Verdict {

	/** The incident violated the term: the violation is confirmed. */
	VIOLATION,

	/** The incident did not violate the term: the alleged violation is rejected. */
	NO_VIOLATION

}
