package org.truce.humanitarian.model;

/**
 * How monitors were restricted, in the categories of the OSCE Special Monitoring
 * Mission's daily reports.
 */
public enum MovementRestrictionKind {

	/** Access refused. */
	DENIAL,

	/** Let through after a wait (its duration is recorded). */
	DELAY,

	/** Let through only on conditions (an escort, a search, a changed route). */
	CONDITIONAL_ACCESS

}
