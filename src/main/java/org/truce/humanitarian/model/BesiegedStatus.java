package org.truce.humanitarian.model;

/** How cut off an area is, in the terms OCHA uses for Syria. */
public enum BesiegedStatus {

	/**
	 * Surrounded by armed actors, so that aid cannot regularly enter and people cannot
	 * leave.
	 */
	BESIEGED,

	/** Not regularly reachable by humanitarian actors. */
	HARD_TO_REACH

}
