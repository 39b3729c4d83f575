package org.truce.ledger.application;

import org.truce.ledger.model.Disclosure;

/**
 * Which commitments in the log a reader may see opened: the groups of each entry (kind
 * and subject) whose disclosures are shown to them. The entries themselves, commitments
 * included, are public.
 */
@FunctionalInterface
public interface DisclosurePolicy {

	/** Opens every commitment: for staff, and for an export to staff. */
	DisclosurePolicy ALL = (kind, subject, group) -> true;

	/** Opens none: the log as anyone may see it. */
	DisclosurePolicy NONE = (kind, subject, group) -> false;

	boolean mayOpen(String kind, String subject, String group);

	/**
	 * As {@link #mayOpen(String, String, String)}, knowing what the disclosure opens: for
	 * a kind whose entries about one subject are for different readers (each side's claim
	 * about an incident). By default the value is not looked at.
	 */
	default boolean mayOpen(String kind, String subject, Disclosure disclosure) {
		return mayOpen(kind, subject, disclosure.group());
	}

}
