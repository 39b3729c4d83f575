package org.truce.agreement.model;

import java.time.Duration;
import java.util.Set;

import org.truce.report.model.EventType;

/**
 * The phases of an agreement that runs on a compliance clock, as the September 2016
 * arrangement did: a recommitment period, then a count of consecutive days of reduced
 * violence that restarts after a serious violation, then the phase that count unlocks.
 *
 * @param recommitment the first phase's length, such as 48 hours
 * @param quietDaysRequired consecutive days without a serious violation needed, such as 7
 * @param seriousTypes the event types whose violations count as serious; empty means any
 * @param seriousMinDeaths a violation with at least this many deaths (best estimate) is
 * serious whatever its type; null for no such rule
 * @param unlockedPhase what the count unlocks, such as joint action and grounding
 */
public record ClockSpec(Duration recommitment, int quietDaysRequired, Set<EventType> seriousTypes,
		Integer seriousMinDeaths, String unlockedPhase) {

	public ClockSpec {
		seriousTypes = seriousTypes == null ? Set.of() : Set.copyOf(seriousTypes);
	}

}
