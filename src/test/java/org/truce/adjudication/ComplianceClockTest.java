package org.truce.adjudication;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.ComplianceClock.Judged;
import org.truce.adjudication.model.ComplianceClock.Phase;
import org.truce.adjudication.model.Finding;
import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ClockSpec;
import org.truce.agreement.model.Period;
import org.truce.agreement.model.Protected;
import org.truce.agreement.model.Term;
import org.truce.incident.model.Incident;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The September 2016 arrangement's clock: 48 hours of recommitment, then seven
 * consecutive days without a serious violation before joint action, the count restarting
 * after each one.
 */
class ComplianceClockTest {

	private static final Instant START = Instant.parse("2016-09-12T16:00:00Z");

	private static final Agreement ARRANGEMENT = new Agreement("arrangement", 1, START, "September arrangement", null,
			new Period(START, Instant.parse("2016-10-12T00:00:00Z")), null, Set.of("syria-government"), Set.of(),
			Map.of(), List.of(), List.of(),
			List.of(new Term("cease", "cease attacks", Set.of(EventType.AIR_DRONE_STRIKE), new ActorSelector.Parties(),
					Protected.ANYONE, List.of(), null, List.of())),
			new ClockSpec(Duration.ofHours(48), 7, Set.of(EventType.AIR_DRONE_STRIKE), 5,
					"joint action and grounding"));

	@Test
	void recommitmentLastsFortyEightHours() {
		assertThat(ComplianceClock.stateAt(ARRANGEMENT, List.of(), START.plus(Duration.ofHours(47))).phase())
			.isEqualTo(Phase.RECOMMITMENT);
		assertThat(ComplianceClock.stateAt(ARRANGEMENT, List.of(), START.minusSeconds(1)).phase())
			.isEqualTo(Phase.NOT_STARTED);
	}

	@Test
	void sevenQuietDaysAfterRecommitmentUnlockTheNextPhase() {
		ComplianceClock.State day8 = ComplianceClock.stateAt(ARRANGEMENT, List.of(), START.plus(Duration.ofDays(9)));
		assertThat(day8.phase()).isEqualTo(Phase.UNLOCKED);
		assertThat(day8.unlockedAt()).isEqualTo(START.plus(Duration.ofHours(48)).plus(Duration.ofDays(7)));
		ComplianceClock.State day5 = ComplianceClock.stateAt(ARRANGEMENT, List.of(), START.plus(Duration.ofDays(5)));
		assertThat(day5.phase()).isEqualTo(Phase.COUNTING);
		assertThat(day5.quietDays()).isEqualTo(3);
	}

	@Test
	void aSeriousViolationRestartsTheCountFromTheLatestTimeItMayHaveHappened() {
		Instant strikeEnd = START.plus(Duration.ofDays(5));
		Judged strike = judged("strike", EventType.AIR_DRONE_STRIKE, strikeEnd.minus(Duration.ofHours(20)), strikeEnd,
				true);
		ComplianceClock.State state = ComplianceClock.stateAt(ARRANGEMENT, List.of(strike),
				START.plus(Duration.ofDays(9)));
		assertThat(state.phase()).isEqualTo(Phase.COUNTING);
		assertThat(state.countStartedAt()).isEqualTo(strikeEnd);
		assertThat(state.quietDays()).isEqualTo(4);
		assertThat(state.lastSeriousViolation()).isEqualTo("strike");
		assertThat(ComplianceClock.stateAt(ARRANGEMENT, List.of(strike), strikeEnd.plus(Duration.ofDays(7))).phase())
			.isEqualTo(Phase.UNLOCKED);
	}

	@Test
	void anUndeterminedSeriousIncidentDoesNotRestartTheCountButIsReportedAsPending() {
		Instant end = START.plus(Duration.ofDays(5));
		Judged unsure = judged("unsure", EventType.AIR_DRONE_STRIKE, end, end, false);
		ComplianceClock.State state = ComplianceClock.stateAt(ARRANGEMENT, List.of(unsure),
				START.plus(Duration.ofDays(6)));
		assertThat(state.phase()).isEqualTo(Phase.COUNTING);
		assertThat(state.quietDays()).isEqualTo(4);
		assertThat(state.pendingUndetermined()).isEqualTo(1);
	}

	@Test
	void aViolationOfAMinorTypeDoesNotRestartTheCount() {
		Instant end = START.plus(Duration.ofDays(5));
		Judged minor = judged("minor", EventType.ARMED_CLASH, end, end, true);
		assertThat(ComplianceClock.stateAt(ARRANGEMENT, List.of(minor), START.plus(Duration.ofDays(6))).quietDays())
			.isEqualTo(4);
	}

	private static Judged judged(String id, EventType type, Instant start, Instant end, boolean violation) {
		Incident incident = new Incident(id, List.of(id), List.of(), type, new TimeSpan(start, end, TimePrecision.DAY),
				Location.of(36.2, 37.1, LocationPrecision.EXACT, null), null, null, Casualties.NONE);
		Finding.Key key = new Finding.Key(id, "arrangement", 1, "cease");
		Finding finding = violation ? new Finding.Violation(key, List.of())
				: new Finding.Undetermined(key, List.of(), List.of());
		return new Judged(finding, incident);
	}

}
