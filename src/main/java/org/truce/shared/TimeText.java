package org.truce.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads the times people write: an ISO 8601 instant with its offset
 * ({@code 2016-09-19T19:30:00+03:00}) means that millisecond; a date ({@code 2016-09-19})
 * means its whole calendar day in a time zone: from the start of that day there to the
 * last millisecond before the next day starts (so a day of a daylight-saving change has
 * 23 or 25 hours). Truce keeps instants to the millisecond, as both stores do.
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
	 * A date as its UTC day, or an instant.
	 * @throws DateTimeParseException when the text is neither a date nor an instant with
	 * offset
	 */
	public static Span parse(String text) {
		return parse(text, ZoneOffset.UTC);
	}

	/**
	 * A date as its calendar day in the zone, or an instant (whose own offset is kept).
	 * @throws DateTimeParseException when the text is neither a date nor an instant with
	 * offset
	 */
	public static Span parse(String text, ZoneId zone) {
		if (text.length() == 10) {
			return day(LocalDate.parse(text), zone);
		}
		Instant instant = OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
		return new Span(instant, instant);
	}

	/**
	 * The day in the zone: [its start, the next day's start minus one millisecond].
	 * {@link LocalDate#atStartOfDay(ZoneId)} finds the start even where a daylight-saving
	 * gap skips midnight.
	 */
	public static Span day(LocalDate day, ZoneId zone) {
		return new Span(day.atStartOfDay(zone).toInstant(),
				day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1));
	}

}
