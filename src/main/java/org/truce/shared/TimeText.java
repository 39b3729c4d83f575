package org.truce.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the times people write: an ISO 8601 instant with its offset
 * ({@code 2016-09-19T19:30:00+03:00}) means that millisecond; a date ({@code 2016-09-19})
 * means its whole UTC day. Truce keeps instants to the millisecond, as both stores do.
 */
public final class TimeText {

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

	private TimeText() {
	}

	/** The first and last instants the text can mean. */
	public record Span(Instant first, Instant last) {

		/** Whether both ends lie in the years 1 to 9999, the range Truce records. */
		public boolean recordable() {
			return TimeText.recordable(this.first) && TimeText.recordable(this.last);
		}

	}

	/**
	 * @throws DateTimeParseException when the text is neither a date nor an instant with
	 * offset
	 */
	public static Span parse(String text) {
		if (text.length() == 10) {
			LocalDate day = LocalDate.parse(text);
			return new Span(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
					day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
		}
		Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
		return new Span(instant, instant);
	}

}
