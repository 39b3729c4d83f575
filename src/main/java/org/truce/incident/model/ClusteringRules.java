package org.truce.incident.model;

/**
 * The thresholds of {@link Clustering}; see there for the rules they feed.
 *
 * @param distanceMetres two reports are near in space when their points are at most this
 * far apart plus both uncertainty radii
 * @param timeGapSeconds two reports are near in time when their intervals overlap or the
 * gap between them is at most this long
 * @param maxUncertaintyMetres a report whose uncertainty radius is larger is never merged
 * automatically (only proposed as a candidate link)
 * @param maxSpanSeconds a report whose interval is longer is never merged automatically
 * @param maxLinkUncertaintyMetres a report whose uncertainty radius is larger still is
 * too vague even to be proposed: it is linked to nothing, and an analyst attaches it by
 * hand. This bounds the number of candidate links a country-wide report would otherwise
 * make
 * @param maxLinkSpanSeconds likewise for the length of the interval
 */
public record ClusteringRules(double distanceMetres, long timeGapSeconds, double maxUncertaintyMetres,
		long maxSpanSeconds, double maxLinkUncertaintyMetres, long maxLinkSpanSeconds) {

	/**
	 * Default for {@link #maxLinkUncertaintyMetres}: UCDP's "near" (25 km) still links.
	 */
	public static final double DEFAULT_LINK_UNCERTAINTY_METRES = 25_000;

	/** Default for {@link #maxLinkSpanSeconds}: a week. */
	public static final long DEFAULT_LINK_SPAN_SECONDS = 7 * 86_400L;

	/**
	 * Longest accepted time gap or span, about 1,000 years: keeps the arithmetic exact.
	 */
	private static final long LONGEST = 1000L * 366 * 86_400;

	public ClusteringRules {
		check(distanceMetres, "distanceMetres");
		check(maxUncertaintyMetres, "maxUncertaintyMetres");
		check(maxLinkUncertaintyMetres, "maxLinkUncertaintyMetres");
		check(timeGapSeconds, "timeGapSeconds");
		check(maxSpanSeconds, "maxSpanSeconds");
		check(maxLinkSpanSeconds, "maxLinkSpanSeconds");
		if (maxLinkUncertaintyMetres < maxUncertaintyMetres || maxLinkSpanSeconds < maxSpanSeconds) {
			throw new IllegalArgumentException("the limits for links must not be stricter than those for merging");
		}
	}

	/**
	 * The four main thresholds, with the link limits at the larger of their defaults and
	 * the merge limits.
	 */
	public ClusteringRules(double distanceMetres, long timeGapSeconds, double maxUncertaintyMetres,
			long maxSpanSeconds) {
		this(distanceMetres, timeGapSeconds, maxUncertaintyMetres, maxSpanSeconds,
				Math.max(DEFAULT_LINK_UNCERTAINTY_METRES, maxUncertaintyMetres),
				Math.max(DEFAULT_LINK_SPAN_SECONDS, maxSpanSeconds));
	}

	/**
	 * 2 km, 6 hours, 10 km uncertainty, 2 days' span; links up to 25 km uncertainty and a
	 * week's span. A UCDP "exact place" (2 km) report merges; a "within 25 km" one is
	 * only proposed; a district or coarser one is too vague to propose.
	 */
	public static ClusteringRules defaults() {
		return new ClusteringRules(2_000, 6 * 3_600L, 10_000, 2 * 86_400L);
	}

	/** The same rules with another distance. */
	public ClusteringRules withDistanceMetres(double metres) {
		return new ClusteringRules(metres, this.timeGapSeconds, this.maxUncertaintyMetres, this.maxSpanSeconds,
				this.maxLinkUncertaintyMetres, this.maxLinkSpanSeconds);
	}

	/** The same rules with another time gap. */
	public ClusteringRules withTimeGapSeconds(long seconds) {
		return new ClusteringRules(this.distanceMetres, seconds, this.maxUncertaintyMetres, this.maxSpanSeconds,
				this.maxLinkUncertaintyMetres, this.maxLinkSpanSeconds);
	}

	private static void check(double metres, String name) {
		if (!(metres >= 0) || metres > 40_075_000) {
			throw new IllegalArgumentException(name + " must be between 0 and the Earth's circumference");
		}
	}

	private static void check(long seconds, String name) {
		if (seconds < 0 || seconds > LONGEST) {
			throw new IllegalArgumentException(name + " must be between 0 and about 1000 years");
		}
	}

}
