package org.truce.report.model;

/**
 * A count known as a range: low, best and high. Any may be null when the source gives
 * none. The order {@code low <= best <= high} is expected but not enforced, since
 * published data breaks it; {@link #inOrder()} says whether it holds.
 */
public record Estimate(Integer low, Integer best, Integer high) {

	public static Estimate best(Integer best) {
		return best == null ? null : new Estimate(null, best, null);
	}

	public boolean inOrder() {
		return (low == null || best == null || low <= best) && (best == null || high == null || best <= high)
				&& (low == null || high == null || low <= high);
	}

	public boolean anyNegative() {
		return (low != null && low < 0) || (best != null && best < 0) || (high != null && high < 0);
	}

}
