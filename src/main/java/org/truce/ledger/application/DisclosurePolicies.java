package org.truce.ledger.application;

/**
 * The policy for whoever is reading now (the request's user, on the web). The default
 * bean opens nothing ({@link DisclosurePolicy#NONE}); declaring another bean of this type
 * replaces it.
 */
public interface DisclosurePolicies {

	DisclosurePolicy forCurrentReader();

}
