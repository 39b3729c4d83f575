package org.truce.report.model;

import java.time.Instant;
import java.util.Objects;

/**
 * When something happened: every instant in [{@code start}, {@code end}] is possible.
 * Instants are UTC. A single known instant has {@code start == end}.
 */
public record TimeSpan(Instant start, Instant end, TimePrecision precision) {

	/** The earliest instant Truce records: the start of year 1, UTC. */
	public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	/**
	 * The latest instant Truce records: the end of year 9999, UTC. Both stores hold every
	 * instant from {@link #EARLIEST} to this one (PostgreSQL's timestamptz stops in year
	 * 294276, SQLite's epoch milliseconds in year 292278994).
	 */
	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	/** True when the instant lies within [{@link #EARLIEST}, {@link #LATEST}]. */
	public static boolean recordable(Instant instant) {
		return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
	}

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
