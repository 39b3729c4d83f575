package org.truce.rfi.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many requests were sent and what became of them, at an instant: the figures that
 * make a complaint such as "16 of our requests went unanswered" checkable. Every request
 * counts in {@code sent} and in exactly one of the other four.
 *
 * @param key what is counted: a requesting side, a party, or {@code side → party}
 */
public record RfiTally(String key, int sent, int answeredOnTime, int answeredLate, int overdue, int open) {

	/** The tally of {@code requests} by the key each gives, ordered by key. */
	public static List<RfiTally> by(Collection<RequestForInformation> requests,
			Function<RequestForInformation, String> key, Instant now) {
		Map<String, int[]> counts = new TreeMap<>();
		for (RequestForInformation r : requests) {
			int[] c = counts.computeIfAbsent(key.apply(r), k -> new int[RfiState.values().length + 1]);
			c[0]++;
			c[1 + r.state(now).ordinal()]++;
		}
		return counts.entrySet()
			.stream()
			.map(e -> new RfiTally(e.getKey(), e.getValue()[0], e.getValue()[1 + RfiState.ANSWERED_ON_TIME.ordinal()],
					e.getValue()[1 + RfiState.ANSWERED_LATE.ordinal()], e.getValue()[1 + RfiState.OVERDUE.ordinal()],
					e.getValue()[1 + RfiState.OPEN.ordinal()]))
			.sorted(Comparator.comparing(RfiTally::key))
			.toList();
	}

	/** Requests not answered: overdue and open. */
	public int unanswered() {
		return this.overdue + this.open;
	}

}
