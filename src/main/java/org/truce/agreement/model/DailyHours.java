package org.truce.agreement.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hours of each day, in a named time zone, to which a period is cut: the Aleppo pause of
 * October 2016 ran from 08:00 to 19:00 Damascus time on each of three days. The hours are
 * read in the zone's rules for each day, so a change of offset (summer time) moves them
 * with the clocks.
 *
 * @param from the local time each window opens
 * @param to the local time each window closes, after {@code from} (a window does not run
 * past midnight)
 * @param zone the zone whose clocks the hours are read on, such as {@code Asia/Damascus}
 */
public record DailyHours(LocalTime from, LocalTime to, ZoneId zone) {

	public DailyHours {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(zone, "zone");
		if (!to.isAfter(from)) {
			throw new IllegalArgumentException("daily hours end before they start");
		}
	}

	/**
	 * The windows these hours cut from a period that has an end: one per local day, each
	 * the day's hours clipped to the period, in time order.
	 */
	public List<Period> within(Period span) {
		if (span.end() == null) {
			throw new IllegalArgumentException("daily hours need a period with an end");
		}
		List<Period> out = new ArrayList<>();
		LocalDate last = span.end().atZone(this.zone).toLocalDate();
		for (LocalDate day = span.start().atZone(this.zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			Period window = new Period(day.atTime(this.from).atZone(this.zone).toInstant(),
					day.atTime(this.to).atZone(this.zone).toInstant())
				.intersect(span);
			if (window != null && window.end().isAfter(window.start())) {
				out.add(window);
			}
		}
		return List.copyOf(out);
	}

	/** Whether the instant lies within the hours, on its local day. */
	public boolean contains(Instant t) {
		LocalTime local = t.atZone(this.zone).toLocalTime();
		return !local.isBefore(this.from) && !local.isAfter(this.to);
	}

	@Override
	public String toString() {
		return this.from + "–" + this.to + " daily (" + this.zone + ")";
	}

}
