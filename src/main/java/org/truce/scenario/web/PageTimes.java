package org.truce.scenario.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.truce.shared.ScenarioZone;
import org.truce.web.Digits;
import org.truce.web.Languages;
import org.truce.web.PageModel;

/**
 * How pages write an instant: the date and time in the scenario's time zone with its
 * offset, then the same in UTC, both visible (a monitor comparing sources needs both),
 * and the instant itself for machines. Templates call it as {@code @times} (through the
 * fragments {@code fragments/layout :: instant} and {@code :: when}); pages give its zone
 * to their scripts as {@code data-time-zone} on the body. The wording is
 * {@link ScenarioZone}'s, which the map's report panel uses too.
 *
 * <p>
 * The months and digits are the page's language's ({@code web.Languages}): Arabic pages
 * write {@code ١٩ سبتمبر ٢٠١٦, ٢٠:٣٠ …} in Eastern Arabic digits unless the reader chose
 * Latin ones.
 *
 * <p>
 * The zone is the scenario's ({@code timeZone} in its {@code scenario.yaml}, such as
 * {@code Asia/Damascus}), the one place that decides it.
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
public class PageTimes implements PageModel {

	private final ScenarioZone zone;

	private final Locale language;

	private final Digits digits;

	@Autowired
	PageTimes(ScenarioZone zone) {
		this(zone, Locale.ENGLISH, new Digits(Locale.ENGLISH, false));
	}

	PageTimes(ZoneId zone) {
		this(new ScenarioZone(zone));
	}

	PageTimes(ScenarioZone zone, Locale language, Digits digits) {
		this.zone = zone;
		this.language = language;
		this.digits = digits;
	}

	@Override
	public String attribute() {
		return "times";
	}

	@Override
	public PageTimes value(HttpServletRequest request) {
		Languages.Choice choice = Languages.of(request);
		return new PageTimes(this.zone, choice.locale(), Digits.of(choice));
	}

	/** The scenario's time zone. */
	public ZoneId zone() {
		return this.zone.zone();
	}

	/** True when the scenario's zone is UTC, so that a time is written once. */
	public boolean utcOnly() {
		return this.zone.zone().normalized().equals(ZoneOffset.UTC);
	}

	/**
	 * {@code 19 Sep 2016, 20:30 Asia/Damascus (UTC+3)}: the date and time in the
	 * scenario's zone, with its offset then; a value that is not an instant is written as
	 * it is.
	 */
	public String local(Object time) {
		Instant at = instant(time);
		return at == null ? text(time) : this.digits.text(this.zone.local(at, this.language));
	}

	/** {@code 2016-09-19 17:30 UTC}, or a value that is not an instant as it is. */
	public String utc(Object time) {
		Instant at = instant(time);
		return at == null ? text(time) : this.digits.text(ScenarioZone.utc(at));
	}

	/**
	 * When an event took place, from its first to its last possible instant: its local
	 * days when it is known only to the day or more coarsely, else to the minute; with
	 * the same in UTC.
	 */
	public ScenarioZone.Written span(Instant start, Instant end, boolean exact) {
		ScenarioZone.Written written = this.zone.span(start, end, exact, this.language);
		return new ScenarioZone.Written(this.digits.text(written.local()), this.digits.text(written.utc()),
				written.utcOnly());
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
