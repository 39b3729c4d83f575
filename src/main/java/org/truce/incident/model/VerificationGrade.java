package org.truce.incident.model;

import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * How well an incident is verified, after Airwars' grading of civilian-harm claims. The
 * rules, applied in this order, the first that holds giving the grade:
 * <ol>
 * <li>{@link #DISCOUNTED}: an analyst discounted it, with a reason;</li>
 * <li>{@link #CONTESTED}: attribution is contested ({@link Attribution});</li>
 * <li>{@link #CONFIRMED}: a side's claim says that the side itself (or one of its units)
 * acted: the acting party accepts responsibility;</li>
 * <li>{@link #CORROBORATED}: its reports come from two or more different sources;</li>
 * <li>{@link #SINGLE_SOURCE}: otherwise.</li>
 * </ol>
 */
public enum VerificationGrade {

	SINGLE_SOURCE("One source reports it."), CORROBORATED("Two or more independent sources report it."),
	CONFIRMED("The acting party accepts responsibility."), CONTESTED("There are competing claims of responsibility."),
	DISCOUNTED("An analyst discounted it.");

	private final String meaning;

	VerificationGrade(String meaning) {
		this.meaning = meaning;
	}

	public String meaning() {
		return this.meaning;
	}

	/** A grade and the rule that gave it, in words. */
	public record Grading(VerificationGrade grade, String reason) {

	}

	/**
	 * Grades an incident by the rules above.
	 * @param discount the analyst's discount, or null
	 * @param attribution as its reports and claims tell it
	 * @param sourceIds the sources of its reports
	 * @param claims each side's current claim
	 * @param partOf whether the first actor is the second or one of its units
	 */
	public static Grading grade(IncidentRecord.Discount discount, Attribution attribution, Set<String> sourceIds,
			List<Claim> claims, BiPredicate<String, String> partOf) {
		if (discount != null) {
			return new Grading(DISCOUNTED, "Discounted: " + discount.reason());
		}
		if (attribution.contested()) {
			return new Grading(CONTESTED, String.join(" ", attribution.conflicts()));
		}
		for (Claim claim : claims) {
			if (claim.position() == Claim.Position.ATTRIBUTES && partOf.test(claim.actorId(), claim.side())) {
				return new Grading(CONFIRMED, claim.side() + " accepts that " + claim.actorId() + " acted.");
			}
		}
		if (sourceIds.size() >= 2) {
			return new Grading(CORROBORATED, sourceIds.size() + " different sources report it.");
		}
		return new Grading(SINGLE_SOURCE, "Only one source reports it.");
	}

}
