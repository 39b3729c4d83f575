package org.truce.deconfliction.model;

/** How surely an incident lies within the alert distance of a protected place. */
public enum Proximity {

	/**
	 * The whole uncertainty disc lies within the distance, and the incident's whole
	 * interval within the place's window.
	 */
	WITHIN,
	/**
	 * Part of the uncertainty disc lies within the distance and part beyond it, or the
	 * incident's interval crosses the start or end of the place's window.
	 */
	POSSIBLY_WITHIN

}
