package org.truce.scenario.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.truce.scenario.application.Scenario;

/**
 * How pages write an instant: the date and time in the scenario's time zone for the
 * reader, the same in UTC on hover, and the instant itself for machines. Templates call
 * it as {@code @times} (through the fragment {@code fragments/layout :: instant}); pages
 * give its zone to their scripts as {@code data-time-zone} on the body.
 *
 * <p>
 * The zone is the scenario's ({@code timeZone} in its {@code scenario.yaml}, such as
 * {@code Asia/Damascus}), the one place that decides it.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageTimes {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private final ZoneId zone;

	@Autowired
	PageTimes(Scenario scenario) {
		this(scenario.timeZone());
	}

	PageTimes(ZoneId zone) {
		this.zone = zone;
	}

	@ModelAttribute("times")
	PageTimes times() {
		return this;
	}

	/** The scenario's time zone. */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * {@code 19 Sep 2016, 20:30 (Asia/Damascus)}: the date and time in the scenario's
	 * zone; a value that is not an instant is written as it is.
	 */
	public String local(Object time) {
		Instant at = instant(time);
		return at == null ? text(time) : LOCAL.format(at.atZone(this.zone)) + " (" + this.zone.getId() + ")";
	}

	/** {@code 2016-09-19 17:30 UTC}, or a value that is not an instant as it is. */
	public String utc(Object time) {
		Instant at = instant(time);
		return at == null ? text(time) : UTC.format(at.atOffset(ZoneOffset.UTC));
	}

	/**
	 * {@code 19 Sep 2016}: the day in UTC, for an event known only to the day or more
	 * coarsely (its instants are UTC days, so the scenario's zone would shift them).
	 */
	public String day(Object time) {
		Instant at = instant(time);
		return at == null ? text(time) : DAY.format(at.atOffset(ZoneOffset.UTC));
	}

	/**
	 * The instant in ISO 8601, UTC, for {@code <time datetime>}; null when it is none.
	 */
	public String iso(Object time) {
		Instant at = instant(time);
		return at == null ? null : at.toString();
	}

	/**
	 * An {@link Instant}, an offset or zoned date-time, or its ISO 8601 text, as an
	 * instant; anything else (null, a date alone) is not one.
	 */
	static Instant instant(Object time) {
		try {
			if (time instanceof Instant at) {
				return at;
			}
			if (time instanceof TemporalAccessor temporal) {
				return Instant.from(temporal);
			}
			if (time instanceof CharSequence text) {
				return Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(text));
			}
		}
		catch (DateTimeException notAnInstant) {
			return null;
		}
		return null;
	}

	private static String text(Object time) {
		return time == null ? null : time.toString();
	}

}
