package org.truce.testing;

import java.util.Set;

import org.truce.identity.model.Viewer;

/** Readers for tests that call the application layer directly. */
public final class Monitor {

	/** A reader of the whole record, as a monitor or the operator is. */
	public static final Viewer READER = new Viewer(Viewer.Reach.FULL, Set.of(), "test-monitor");

	private Monitor() {
	}

}
