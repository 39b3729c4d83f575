package org.truce.archfixture.gamma.model;

import org.truce.archfixture.delta.model.Pong;

/**
 * Test fixture: a model class of context "gamma" that uses context "delta", which uses it
 * back.
 */
public class Ping {

	Pong answer;

}
