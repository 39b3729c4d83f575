package org.truce.report.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When something happened: every instant in [{@code start}, {@code end}] is possible.
 * Instants are UTC. A single known instant has {@code start == end}.
 */
public record TimeSpan(Instant start, Instant end, TimePrecision precision) {

	public TimeSpan {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(precision, "precision");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("end before start");
		}
	}

	/** True when the two closed intervals share at least one instant. */
	public boolean overlaps(Instant from, Instant to) {
		return !this.end.isBefore(from) && !this.start.isAfter(to);
	}

}
