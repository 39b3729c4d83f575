package org.truce.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The time zone of the scenario this instance shows ({@code timeZone} in its
 * {@code scenario.yaml}, such as {@code Asia/Damascus}): where a date written without a
 * time is a calendar day, unless a request or an import names another zone, and the zone
 * in which people read times.
 *
 * <p>
 * How a time is written for people, everywhere: the local date and time with the zone and
 * its offset at that instant, then UTC, both visible
 * ({@code 19 Sep 2016, 20:30 Asia/Damascus (UTC+3) · 2016-09-19 17:30 UTC}). A span known
 * only to the day is written as its local days when it runs from a local midnight to the
 * next, as its UTC days when it runs from UTC midnights (an import read in UTC), and
 * otherwise to the minute.
 */
public record ScenarioZone(ZoneId zone) {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter UTC_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	public ScenarioZone {
		Objects.requireNonNull(zone, "zone");
	}

	/** UTC, for a scenario that needs no other zone. */
	public static final ScenarioZone UTC = new ScenarioZone(ZoneOffset.UTC);

	/**
	 * The zone an id names ({@code Asia/Damascus}, {@code UTC}, {@code +03:00}); empty
	 * when it names none.
	 */
	public static Optional<ZoneId> parse(String id) {
		if (id == null || id.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(ZoneId.of(id.strip()));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The problem with a zone a client named in {@code field}, with the stable code
	 * {@link ErrorCode#UNKNOWN_TIME_ZONE}.
	 */
	public static Problem unknown(String field, String id) {
		String shown = id == null ? "null" : "'" + (id.length() > 60 ? id.substring(0, 60) + "…" : id) + "'";
		return Problem.keyed(ErrorCode.UNKNOWN_TIME_ZONE, field, "field", field, shown);
	}

	/**
	 * The instant a page form's field names: a local date and time in this zone, as a
	 * browser's {@code datetime-local} input sends it ({@code 2016-09-19T19:30}, seconds
	 * optional), with summer time followed; or an instant with its offset, as the API
	 * takes it. A local time the clocks skipped (LOCAL_TIME_SKIPPED) or passed twice
	 * (LOCAL_TIME_AMBIGUOUS) at a change of summer time is refused, never guessed; so is
	 * any other text (INVALID_VALUE). Adds the problem on {@code field} and gives null;
	 * gives null without a problem for a blank field.
	 */
	public Instant fromForm(String field, String text, List<Problem> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		try {
			return OffsetDateTime.parse(t).toInstant();
		}
		catch (DateTimeParseException withoutOffset) {
			// A local date and time, read below.
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(t);
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "localTime", field, id()));
			return null;
		}
		List<ZoneOffset> offsets = this.zone.getRules().getValidOffsets(local);
		if (offsets.size() == 1) {
			return local.toInstant(offsets.get(0));
		}
		ErrorCode code = offsets.isEmpty() ? ErrorCode.LOCAL_TIME_SKIPPED : ErrorCode.LOCAL_TIME_AMBIGUOUS;
		String when = local.toString().replace('T', ' ');
		problems.add(offsets.isEmpty() ? Problem.keyed(code, field, "when", field, when, id()) : Problem.keyed(code,
				field, "when", field, when, id(), offset(offsets.get(0)), offset(offsets.get(1))));
		return null;
	}

	/** The zone's id, such as {@code Asia/Damascus}. */
	public String id() {
		return this.zone.getId();
	}

	/**
	 * {@code 19 Sep 2016, 20:30 Asia/Damascus (UTC+3)}: the date and time in the zone,
	 * with its offset at that instant.
	 */
	public String local(Instant at) {
		return local(at, Locale.ENGLISH);
	}

	/**
	 * The same in a language: its names of months ({@code 19 сент. 2016, 20:30 …}),
	 * always with Latin digits (a page writes them in its own, see {@code web.Digits}).
	 */
	public String local(Instant at, Locale language) {
		ZonedDateTime local = at.atZone(this.zone);
		return LOCAL.withLocale(language).format(local) + " " + zoneAt(local);
	}

	/** {@code 2016-09-19 17:30 UTC}. */
	public static String utc(Instant at) {
		return UTC_MINUTES.format(at.atOffset(ZoneOffset.UTC)) + " UTC";
	}

	/**
	 * The local time, then UTC: {@code 19 Sep 2016, 20:30 Asia/Damascus (UTC+3) ·
	 * 2016-09-19 17:30 UTC}. In a zone that is UTC, the local time alone
	 * ({@code 19 Sep 2016, 17:30 UTC}).
	 */
	public String both(Instant at) {
		return isUtc() ? local(at) : local(at) + " · " + utc(at);
	}

	/**
	 * When something happened, for people.
	 * @param start the first possible instant
	 * @param end the last possible instant (Truce's spans are closed: a day ends at its
	 * last millisecond)
	 * @param exact whether the time is known to the minute; otherwise only to the day or
	 * more coarsely
	 */
	public Written span(Instant start, Instant end, boolean exact) {
		return span(start, end, exact, Locale.ENGLISH);
	}

	/** The same, with the names of months of a language. */
	public Written span(Instant start, Instant end, boolean exact, Locale language) {
		String utcRange = utcRange(start, end);
		if (!exact) {
			Optional<String> local = days(start, end, this.zone, language);
			if (local.isPresent()) {
				return new Written(local.get() + (isUtc() ? " (UTC)" : " (" + id() + ")"), utcRange, isUtc());
			}
			Optional<String> utcDays = days(start, end, ZoneOffset.UTC, language);
			if (utcDays.isPresent()) {
				return new Written(utcDays.get() + " (UTC days)", utcRange, false);
			}
		}
		ZonedDateTime first = start.atZone(this.zone);
		String local = start.equals(end) ? local(start, language)
				: (first.getOffset().equals(end.atZone(this.zone).getOffset())
						? LOCAL.withLocale(language).format(first) : local(start, language)) + " – "
						+ local(end, language);
		return new Written(local, utcRange, isUtc());
	}

	/**
	 * A time as written: for the reader, in the scenario's zone, and the same in UTC.
	 *
	 * @param utcOnly the scenario's zone is UTC, so that the local time says it all
	 */
	public record Written(String local, String utc, boolean utcOnly) {

		/** Both, the local first: {@code local · utc}, or the local alone in UTC. */
		public String both() {
			return this.utcOnly ? this.local : this.local + " · " + this.utc;
		}

	}

	/**
	 * {@code 2016-09-18 21:00 – 2016-09-19 21:00 UTC}: an end that is the last
	 * millisecond of a minute is written as the minute it runs up to.
	 */
	private static String utcRange(Instant start, Instant end) {
		if (start.equals(end)) {
			return utc(start);
		}
		Instant shownEnd = end.plusMillis(1).getEpochSecond() % 60 == 0 && end.plusMillis(1).getNano() == 0
				? end.plusMillis(1) : end;
		return UTC_MINUTES.format(start.atOffset(ZoneOffset.UTC)) + " – "
				+ UTC_MINUTES.format(shownEnd.atOffset(ZoneOffset.UTC)) + " UTC";
	}

	/**
	 * The days the span covers in the zone, when it runs from the start of a day there to
	 * the last millisecond of a day.
	 */
	private static Optional<String> days(Instant start, Instant end, ZoneId zone, Locale language) {
		DateTimeFormatter day = DAY.withLocale(language);
		LocalDate first = LocalDate.ofInstant(start, zone);
		LocalDate last = LocalDate.ofInstant(end, zone);
		if (!first.atStartOfDay(zone).toInstant().equals(start)
				|| !last.plusDays(1).atStartOfDay(zone).toInstant().equals(end.plusMillis(1))) {
			return Optional.empty();
		}
		return Optional.of(first.equals(last) ? day.format(first) : day.format(first) + " – " + day.format(last));
	}

	private boolean isUtc() {
		return this.zone.normalized().equals(ZoneOffset.UTC);
	}

	/** {@code Asia/Damascus (UTC+3)}, or {@code UTC+05:30} for a fixed offset. */
	private String zoneAt(ZonedDateTime local) {
		if (isUtc()) {
			return "UTC";
		}
		String offset = offset(local.getOffset());
		return this.zone instanceof ZoneOffset ? offset : id() + " (" + offset + ")";
	}

	/** {@code UTC+3}, {@code UTC+5:30}, {@code UTC-3:30}. */
	static String offset(ZoneOffset offset) {
		int seconds = offset.getTotalSeconds();
		int hours = Math.abs(seconds) / 3600;
		int minutes = Math.abs(seconds) / 60 % 60;
		return "UTC" + (seconds < 0 ? "-" : "+") + hours
				+ (minutes == 0 ? "" : String.format(Locale.ROOT, ":%02d", minutes));
	}

}
