package org.truce.agreement.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.truce.report.model.EventType;

/**
 * One obligation of an agreement.
 *
 * @param id stable id, unique across agreements (such as
 * {@code syria-coh-2016-02/cease-attacks})
 * @param text the text as agreed
 * @param prohibits the activities it prohibits
 * @param by whom it binds
 * @param against whom it protects
 * @param zoneIds where it applies; empty means the agreement's whole area
 * @param window when it applies; null means the agreement's whole effective period
 * @param exceptions cases it does not cover
 * @param distances where it applies, as distances from a route by equipment class and
 * side, in place of zones; or null
 * @param daily the hours of each day to which its window is cut, or null when it applies
 * around the clock
 * @param texts its text in every language it is written in, marking the authentic ones;
 * {@code text} is the English one among them, else the first authentic one
 */
public record Term(String id, String text, Set<EventType> prohibits, ActorSelector by, Protected against,
		List<String> zoneIds, Period window, List<TermException> exceptions, RouteDistances distances, DailyHours daily,
		TermTexts texts) {

	public Term {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(by, "by");
		Objects.requireNonNull(against, "against");
		prohibits = Set.copyOf(prohibits);
		zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
		exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
		texts = texts == null ? TermTexts.english(text) : texts;
		if (distances != null && !zoneIds.isEmpty()) {
			throw new IllegalArgumentException("a term has zones or distances from a route, not both");
		}
	}

	/** A term whose one text is English. */
	public Term(String id, String text, Set<EventType> prohibits, ActorSelector by, Protected against,
			List<String> zoneIds, Period window, List<TermException> exceptions, RouteDistances distances,
			DailyHours daily) {
		this(id, text, prohibits, by, against, zoneIds, window, exceptions, distances, daily, null);
	}

	/**
	 * A term that applies in zones (or everywhere), with no distances from a route,
	 * around the clock within its window.
	 */
	public Term(String id, String text, Set<EventType> prohibits, ActorSelector by, Protected against,
			List<String> zoneIds, Period window, List<TermException> exceptions) {
		this(id, text, prohibits, by, against, zoneIds, window, exceptions, null, null);
	}

}
