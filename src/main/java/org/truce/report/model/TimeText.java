package org.truce.report.model;

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

	private TimeText() {
	}

	/** The first and last instants the text can mean. */
	public record Span(Instant first, Instant last) {

		/** Whether both ends lie in the years 1 to 9999, the range Truce records. */
		public boolean recordable() {
			return TimeSpan.recordable(this.first) && TimeSpan.recordable(this.last);
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
