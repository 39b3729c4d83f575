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
import org.truce.agreement.model.Dispute;
import org.truce.agreement.model.RouteDistances;
import org.truce.report.model.EquipmentClass;
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

	@Test
	void underSeveralDisputedFactsOnlyTheFindingsUnderTheViewsGivenCount() {
		RouteDistances base = new RouteDistances("road", "north", "south", Map.of(EquipmentClass.PERSONNEL, 1000.0),
				Map.of());
		Dispute.View early = new Dispute.View("early", "Ended early", List.of("a"), List.of("s"),
				new Period(START, Instant.parse("2016-09-18T20:59:00Z")));
		Dispute.View late = new Dispute.View("late", "Ended late", List.of("b"), List.of("s"),
				new Period(START, Instant.parse("2016-10-12T00:00:00Z")));
		Dispute.View far = new Dispute.View("far", "3,500 m", List.of("a"), List.of("s"), null,
				new RouteDistances("road", "north", "south", Map.of(EquipmentClass.HEAVY_WEAPONS, 3500.0), Map.of()));
		Dispute.View near = new Dispute.View("near", "1,500 m", List.of("b"), List.of("s"), null,
				new RouteDistances("road", "north", "south", Map.of(EquipmentClass.HEAVY_WEAPONS, 1500.0), Map.of()));
		Agreement disputed = new Agreement("arrangement", 1, START, "September arrangement", null,
				new Period(START, Instant.parse("2016-10-12T00:00:00Z")), null, Set.of("syria-government"), Set.of(),
				Map.of(), List.of(), List.of(),
				List.of(new Term("withdrawal", "pull back", Set.of(EventType.AIR_DRONE_STRIKE),
						new ActorSelector.Parties(), Protected.ANYONE, List.of(), null, List.of(), base, null)),
				ARRANGEMENT.clock(), Set.of(), null, List.of(new Dispute("end", "When it ended", List.of(early, late)),
						new Dispute("distance", "How far", "withdrawal", List.of(far, near))));
		Instant end = START.plus(Duration.ofDays(4));
		Judged strike = judged("strike", EventType.AIR_DRONE_STRIKE, end, end, true);
		Finding.Key key = new Finding.Key("strike", "arrangement", 1, "withdrawal", "early+far");
		Judged underEarlyFar = new Judged(new Finding.Violation(key, List.of()), strike.incident());
		Instant at = START.plus(Duration.ofDays(5));
		ComplianceClock.State counted = ComplianceClock.stateAt(disputed, List.of(underEarlyFar), at,
				List.of(early, far));
		assertThat(counted.lastSeriousViolation()).isEqualTo("strike");
		assertThat(counted.view()).isEqualTo("early+far");
		assertThat(counted.viewLabel()).isEqualTo("Ended early; 3,500 m");
		ComplianceClock.State notCounted = ComplianceClock.stateAt(disputed, List.of(underEarlyFar), at,
				List.of(early, near));
		assertThat(notCounted.lastSeriousViolation()).isNull();
		assertThat(notCounted.view()).isEqualTo("early+near");
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
