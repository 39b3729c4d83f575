package org.truce.determination.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whose signatures make a determination effective: the sponsor sides it names, and how
 * many of them must sign.
 *
 * @param sides the named sides (actor ids), in order, without repeats
 * @param required how many of them must sign: at least one, at most all
 */
public record Quorum(List<String> sides, int required) {

	public Quorum {
		sides = List.copyOf(new LinkedHashSet<>(sides));
		if (sides.isEmpty()) {
			throw new IllegalArgumentException("a determination names at least one side");
		}
		if (required < 1 || required > sides.size()) {
			throw new IllegalArgumentException(
					"the quorum must be between 1 and the " + sides.size() + " named sides, not " + required);
		}
	}

	/**
	 * The quorum of the named sides under a configured number: all of them when none is
	 * configured, and never more than are named.
	 * @param configured how many sides must sign, or null for all
	 */
	public static Quorum of(List<String> sides, Integer configured) {
		int named = new LinkedHashSet<>(sides).size();
		int required = configured == null ? named : Math.min(configured, named);
		return new Quorum(sides, required);
	}

	public boolean names(String side) {
		return this.sides.contains(side);
	}

	/**
	 * Whether these sides' signatures reach the quorum (sides not named do not count).
	 */
	public boolean reachedBy(Set<String> signed) {
		return this.sides.stream().filter(signed::contains).count() >= this.required;
	}

}
