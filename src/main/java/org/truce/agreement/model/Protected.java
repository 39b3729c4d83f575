package org.truce.agreement.model;

/** Against whom a term prohibits activity. */
public enum Protected {

	/** Anyone at all. */
	ANYONE,
	/** The parties to the agreement; excluded actors are not protected. */
	PARTIES,
	/** Civilians. */
	CIVILIANS,
	/**
	 * Humanitarian targets: the sites and movements notified to the parties (see
	 * docs/adjudication.md, "Terms that protect humanitarian targets").
	 */
	HUMANITARIAN

}
