package org.truce.ledger.application;

/**
 * The policy for whoever is reading now (the request's user, on the web). The
 * application's bean asks, for each entry, the rule of the context that owns its kind
 * ({@link KindDisclosures}); declaring a primary bean of this type replaces it.
 */
public interface DisclosurePolicies {

	DisclosurePolicy forCurrentReader();

}
