package org.truce.identity.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A role held by a user, with the actor it is bound to when the role is bound to a side.
 *
 * @param role the role
 * @param actorId the actor id of the side (a co-chair's sponsor, a liaison's party), or
 * null for a role that is not bound
 */
public record Grant(Role role, String actorId) {

	public Grant {
		Objects.requireNonNull(role, "role");
		actorId = actorId == null || actorId.isBlank() ? null : actorId.strip();
		if (role.bound() && actorId == null) {
			throw new IllegalArgumentException("the role " + role.code() + " is bound to a side: name its actor");
		}
		if (!role.bound() && actorId != null) {
			throw new IllegalArgumentException("the role " + role.code() + " is not bound to a side");
		}
	}

	/**
	 * The authority that carries the binding, such as {@code LIAISON:syria-government},
	 * or null for a role that is not bound.
	 */
	public String scopeAuthority() {
		return this.actorId == null ? null : this.role.name() + ":" + this.actorId;
	}

	/**
	 * The authorities that carry these grants: each role's {@link Role#authority()}, and
	 * each binding's {@link #scopeAuthority()}.
	 */
	public static List<String> authorities(Collection<Grant> grants) {
		List<String> out = new ArrayList<>();
		for (Grant g : grants) {
			if (!out.contains(g.role().authority())) {
				out.add(g.role().authority());
			}
			if (g.scopeAuthority() != null) {
				out.add(g.scopeAuthority());
			}
		}
		return out;
	}

	/**
	 * The grants that authorities carry (the inverse of {@link #authorities}); other
	 * authorities are ignored. A bound role without a binding gives no grant.
	 */
	public static List<Grant> fromAuthorities(Collection<String> authorities) {
		List<Grant> out = new ArrayList<>();
		for (String a : authorities) {
			for (Role role : Role.values()) {
				if (!role.bound() && a.equals(role.authority())) {
					out.add(new Grant(role, null));
				}
				if (role.bound() && a.startsWith(role.name() + ":") && a.length() > role.name().length() + 1) {
					out.add(new Grant(role, a.substring(role.name().length() + 1)));
				}
			}
		}
		return out;
	}

	/** Parses {@code role} or {@code role:actor}, as the command line writes a grant. */
	public static Optional<Grant> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		int colon = text.indexOf(':');
		String role = colon < 0 ? text : text.substring(0, colon);
		String actor = colon < 0 ? null : text.substring(colon + 1);
		try {
			return Role.ofCode(role).map(r -> new Grant(r, actor));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.actorId == null ? this.role.code() : this.role.code() + ":" + this.actorId;
	}

}
