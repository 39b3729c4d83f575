package org.truce.archfixture.delta.model;

import org.truce.archfixture.gamma.model.Ping;

/**
 * Test fixture: a model class of context "delta" that uses context "gamma", which uses it
 * back.
 */
public class Pong {

	Ping question;

}
