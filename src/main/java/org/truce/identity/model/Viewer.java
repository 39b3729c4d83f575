package org.truce.identity.model;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is reading, as far as visibility goes. Deny by default: a reader sees the whole
 * record only as a monitor or co-chair; a liaison sees what concerns the actors of its
 * side; everyone else sees what has been published.
 *
 * @param reach how much of the record the reader may see
 * @param sideActorIds for {@link Reach#SIDE}, the actors of the reader's side, with their
 * sub-units; empty otherwise
 * @param userId the signed-in user, or null for the public
 */
public record Viewer(Reach reach, Set<String> sideActorIds, String userId) {

	public static final Viewer PUBLIC = new Viewer(Reach.PUBLISHED, Set.of(), null);

	/** How much of the record a reader sees. */
	public enum Reach {

		/** Every report, with its source and exact location. */
		FULL,

		/**
		 * Reports in which an actor of the reader's side acted or was acted against,
		 * without their source, and with the location of an at-risk source coarsened.
		 */
		SIDE,

		/**
		 * Published reports only, without their source, and with the location of an
		 * at-risk source coarsened.
		 */
		PUBLISHED

	}

	public Viewer {
		Objects.requireNonNull(reach, "reach");
		sideActorIds = sideActorIds == null ? Set.of() : Set.copyOf(sideActorIds);
	}

	/**
	 * The widest reach the grants give: monitor or co-chair → full; liaison → its side's
	 * actors (as given, already expanded to sub-units by the caller); else published.
	 */
	public static Viewer of(String userId, Collection<Grant> grants, Set<String> sideActorIds) {
		boolean full = staff(grants);
		if (full) {
			return new Viewer(Reach.FULL, Set.of(), userId);
		}
		if (grants.stream().anyMatch(g -> g.role() == Role.LIAISON)) {
			return new Viewer(Reach.SIDE, new LinkedHashSet<>(sideActorIds), userId);
		}
		return new Viewer(Reach.PUBLISHED, Set.of(), userId);
	}

	/**
	 * Whether the grants make their holder staff: a monitor or a co-chair, who sees the
	 * whole record.
	 */
	public static boolean staff(Collection<Grant> grants) {
		return grants.stream().anyMatch(g -> g.role() == Role.MONITOR || g.role() == Role.CO_CHAIR);
	}

	/** Whether this reader is staff (or the operator) and sees the whole record. */
	public boolean staff() {
		return this.reach == Reach.FULL;
	}

	/** Whether this reader sees reporter identities and exact at-risk locations. */
	public boolean seesSources() {
		return staff();
	}

}
