package org.truce.actor.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years of a government written in brackets in an actor's name, as ACLED names state
 * forces: {@code Military Forces of Syria (2000-)} while that government holds power,
 * {@code Military Forces of Syria (2000-2024)} once it has ended, and a new name such as
 * {@code Military Forces of Syria (2024-)} for the government that follows. A unit may
 * follow the brackets: {@code Military Forces of Syria (2000-) Syrian Arab Air Force}.
 *
 * <p>
 * Only brackets holding a year, a hyphen and optionally a second year are read as a
 * period. Other brackets are part of the name: ACLED writes a country there to tell apart
 * groups of one name in several countries ({@code Islamic State (Syria)},
 * {@code Civilians (Syria)}), and that must never be dropped.
 *
 * @param name the name as reported
 * @param start the first year of the period
 * @param end the last year, or null while the period is open
 * @param bracketStart where the brackets begin in {@code name}
 * @param bracketEnd where they end (exclusive)
 */
public record GovernmentPeriod(String name, int start, Integer end, int bracketStart, int bracketEnd) {

	private static final Pattern PERIOD = Pattern.compile("\\(\\s*(\\d{4})\\s*[-–]\\s*(\\d{4})?\\s*\\)");

	/** The period written in {@code name}, if it has exactly one. */
	public static Optional<GovernmentPeriod> in(String name) {
		if (name == null) {
			return Optional.empty();
		}
		Matcher m = PERIOD.matcher(name);
		if (!m.find()) {
			return Optional.empty();
		}
		GovernmentPeriod period = new GovernmentPeriod(name, Integer.parseInt(m.group(1)),
				m.group(2) == null ? null : Integer.parseInt(m.group(2)), m.start(), m.end());
		return m.find() ? Optional.empty() : Optional.of(period);
	}

	/**
	 * The name with the period written open from its first year, {@code (2000-)}: the
	 * name the same government's forces had while it held power.
	 */
	public String openEnded() {
		return this.name.substring(0, this.bracketStart) + "(" + this.start + "-)"
				+ this.name.substring(this.bracketEnd);
	}

	/** The name without the period. */
	public String withoutPeriod() {
		return (this.name.substring(0, this.bracketStart).stripTrailing() + " "
				+ this.name.substring(this.bracketEnd).stripLeading())
			.strip();
	}

}
