package org.truce.identity.web;

import java.util.Set;

import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.KindDisclosures;

/**
 * The rule of kinds whose committed groups the API shows to staff only (monitors,
 * co-chairs: {@code Viewer.staff}): every group opened to them, none to anyone else. A
 * context whose kinds are all of this sort declares a component that extends it.
 */
public abstract class StaffOnlyDisclosures implements KindDisclosures {

	private final CurrentViewer viewers;

	private final Set<String> kinds;

	protected StaffOnlyDisclosures(CurrentViewer viewers, Set<String> kinds) {
		this.viewers = viewers;
		this.kinds = Set.copyOf(kinds);
	}

	@Override
	public Set<String> kinds() {
		return this.kinds;
	}

	@Override
	public DisclosurePolicy forCurrentReader() {
		return this.viewers.current().staff() ? DisclosurePolicy.ALL : DisclosurePolicy.NONE;
	}

}
