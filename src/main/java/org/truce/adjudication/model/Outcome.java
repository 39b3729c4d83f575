package org.truce.adjudication.model;

/** The outcome of checking one incident against one term. */
public enum Outcome {

	VIOLATION, NO_VIOLATION, UNDETERMINED;

	/**
	 * How serious the outcome is, for telling an incident's most serious finding: a
	 * violation, then an undetermined finding, then no violation.
	 */
	public int severity() {
		return switch (this) {
			case VIOLATION -> 2;
			case UNDETERMINED -> 1;
			case NO_VIOLATION -> 0;
		};
	}

}
