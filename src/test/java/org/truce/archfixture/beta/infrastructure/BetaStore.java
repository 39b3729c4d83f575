package org.truce.archfixture.beta.infrastructure;

/** Test fixture: an infrastructure class of context "beta". */
public class BetaStore {

}
