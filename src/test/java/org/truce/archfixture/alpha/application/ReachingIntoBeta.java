package org.truce.archfixture.alpha.application;

import org.truce.archfixture.beta.infrastructure.BetaStore;

/**
 * Test fixture: an application class of context "alpha" that breaks the rule by using
 * context "beta"'s infrastructure.
 */
public class ReachingIntoBeta {

	BetaStore store = new BetaStore();

}
