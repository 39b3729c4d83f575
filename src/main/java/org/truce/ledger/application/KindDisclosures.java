package org.truce.ledger.application;

import java.util.Set;

/**
 * Who may open the committed groups of the kinds of entry one context writes: the context
 * that owns a kind owns its rule, and the rule is that context's own rule of who may read
 * the record through the API. A reader may open exactly the commitments whose content it
 * may read there, no more and no less. The ledger's web layer asks the owner of each
 * entry's kind ({@code DisclosuresByKind}); a kind no context owns is opened to no one,
 * and every kind with committed groups has an owner
 * ({@code EveryCommitmentOpensToWhoReadsItTest}).
 */
public interface KindDisclosures {

	/** The kinds of entry whose groups this rule opens: those its context writes. */
	Set<String> kinds();

	/**
	 * Which groups of those kinds the current reader may open (asked once per request,
	 * and only for the kinds above).
	 */
	DisclosurePolicy forCurrentReader();

}
