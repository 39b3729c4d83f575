package org.truce.identity.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a signed-in user may do. A user may hold several roles; someone who is not signed
 * in is the public, which is not a role one can be granted.
 */
public enum Role {

	/**
	 * Manages users, roles and API tokens; sees no more of the record than the public.
	 */
	ADMIN("admin", false),

	/**
	 * A co-chair of one sponsor side (bound to that sponsor's actor): reads the whole
	 * record and signs off joint determinations for its side.
	 */
	CO_CHAIR("co-chair", true),

	/** A monitor or analyst: submits and reviews reports and reads the whole record. */
	MONITOR("monitor", false),

	/**
	 * A party's liaison, bound to one actor (and its sub-units): sees what concerns its
	 * side, never who reported it.
	 */
	LIAISON("liaison", true),

	/** A humanitarian notifier: notifies protected sites and movements. */
	NOTIFIER("notifier", false);

	private final String code;

	private final boolean bound;

	Role(String code, boolean bound) {
		this.code = code;
		this.bound = bound;
	}

	/** The name used on the command line, in files and in the API. */
	public String code() {
		return this.code;
	}

	/** Whether a grant of this role names the actor (side) it is bound to. */
	public boolean bound() {
		return this.bound;
	}

	/** The Spring Security authority of the role, such as {@code ROLE_CO_CHAIR}. */
	public String authority() {
		return "ROLE_" + name();
	}

	public static Optional<Role> ofCode(String code) {
		String folded = code == null ? "" : code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values()).filter(r -> r.code.equals(folded)).findFirst();
	}

}
