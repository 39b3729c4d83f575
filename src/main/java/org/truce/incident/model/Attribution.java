package org.truce.incident.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Who acted in an incident, as its sources and the sides' claims tell it. Attribution is
 * contested when
 * <ul>
 * <li>its reports name different actors, neither part of the other;</li>
 * <li>one side's claim names an actor and another's names a different one, neither part
 * of the other; or</li>
 * <li>a side denies that an actor acted while a report or another side's claim says it
 * did (the actor, or one of its units).</li>
 * </ul>
 * Nothing is decided between the accounts: each conflict is stated, and the adjudication
 * is undetermined until the sides decide jointly.
 *
 * @param conflicts one sentence per conflict; empty when attribution is not contested
 */
public record Attribution(List<String> conflicts) {

	public static final Attribution UNCONTESTED = new Attribution(List.of());

	public Attribution {
		conflicts = List.copyOf(conflicts);
	}

	public boolean contested() {
		return !this.conflicts.isEmpty();
	}

	/**
	 * @param reported the resolved actors the incident's reports say acted: never the
	 * sides of a dyad nor the actors one of whom acted ({@code WhoActed} other than
	 * {@code ACTOR}), which no report says acted
	 * @param claims each side's current claim
	 * @param partOf whether the first actor is the second or one of its units
	 */
	public static Attribution of(Set<String> reported, List<Claim> claims, BiPredicate<String, String> partOf) {
		List<String> conflicts = new ArrayList<>();
		List<String> named = new ArrayList<>(new LinkedHashSet<>(reported));
		for (int i = 0; i < named.size(); i++) {
			for (int j = i + 1; j < named.size(); j++) {
				if (!related(named.get(i), named.get(j), partOf)) {
					conflicts.add("The reports name different actors: " + named.get(i) + " and " + named.get(j) + ".");
				}
			}
		}
		for (int i = 0; i < claims.size(); i++) {
			Claim a = claims.get(i);
			for (int j = i + 1; j < claims.size(); j++) {
				Claim b = claims.get(j);
				if (a.side().equals(b.side())) {
					continue;
				}
				if (a.position() == Claim.Position.ATTRIBUTES && b.position() == Claim.Position.ATTRIBUTES
						&& !related(a.actorId(), b.actorId(), partOf)) {
					conflicts.add(a.side() + " says " + a.actorId() + " acted; " + b.side() + " says " + b.actorId()
							+ " did.");
				}
				else if (denied(a, b, partOf) || denied(b, a, partOf)) {
					Claim denial = a.position() == Claim.Position.DENIES ? a : b;
					Claim assertion = denial == a ? b : a;
					conflicts.add(denial.side() + " denies that " + denial.actorId() + " acted; " + assertion.side()
							+ " says " + assertion.actorId() + " did.");
				}
			}
			if (a.position() == Claim.Position.DENIES) {
				for (String actor : named) {
					if (partOf.test(actor, a.actorId())) {
						conflicts
							.add(a.side() + " denies that " + a.actorId() + " acted; a report names " + actor + ".");
					}
				}
			}
		}
		return conflicts.isEmpty() ? UNCONTESTED : new Attribution(conflicts);
	}

	/** Whether {@code denial} denies what {@code assertion} attributes. */
	private static boolean denied(Claim denial, Claim assertion, BiPredicate<String, String> partOf) {
		return denial.position() == Claim.Position.DENIES && assertion.position() == Claim.Position.ATTRIBUTES
				&& partOf.test(assertion.actorId(), denial.actorId());
	}

	private static boolean related(String a, String b, BiPredicate<String, String> partOf) {
		return partOf.test(a, b) || partOf.test(b, a);
	}

}
