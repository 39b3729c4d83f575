package org.truce.report.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How precisely the time of an event is known, in the style of UCDP's {@code date_prec}.
 * The interval of a report always spans every instant the event may have happened at; the
 * precision says why it is as wide as it is.
 */
public enum TimePrecision {

	/**
	 * The time is known to within an hour or better (Truce's own, for monitors' reports).
	 */
	EXACT(0),
	/** UCDP 1: the exact day. */
	DAY(1),
	/** UCDP 2: within two to six days. */
	DAYS(2),
	/** UCDP 3: the week. */
	WEEK(3),
	/** UCDP 4: eight to thirty days, or the month. */
	MONTH(4),
	/** UCDP 5: more than a month, at most a calendar year. */
	YEAR(5);

	private final int ucdpCode;

	TimePrecision(int ucdpCode) {
		this.ucdpCode = ucdpCode;
	}

	public int ucdpCode() {
		return this.ucdpCode;
	}

	/**
	 * UCDP {@code date_prec} 1-5; anything else, including 0 (Truce's own {@link #EXACT},
	 * which UCDP never codes), is empty.
	 */
	public static Optional<TimePrecision> ofUcdp(int code) {
		return Arrays.stream(values()).filter(p -> code >= 1 && p.ucdpCode == code).findFirst();
	}

}
