package org.truce.adjudication.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ClockSpec;
import org.truce.agreement.model.Dispute;
import org.truce.incident.model.Incident;

/**
 * The state of an agreement's compliance clock at an instant, computed from findings. The
 * phases: recommitment (a fixed time from the start), counting (consecutive days without
 * a serious violation, restarted by each one), and the unlocked phase once the count
 * reaches the required days. Once unlocked, the phase stays unlocked; later violations
 * are still counted and reported.
 *
 * <p>
 * Only definite {@code VIOLATION} findings restart the count; the time of a violation is
 * the end of its incident's interval, the latest it can have happened, so that
 * uncertainty in time never makes the count look longer than it is. Undetermined findings
 * on serious incidents do not restart it, but are counted so that the state can say how
 * many are pending.
 */
public final class ComplianceClock {

	private ComplianceClock() {
	}

	/** A finding with the incident it is about. */
	public record Judged(Finding finding, Incident incident) {

	}

	public enum Phase {

		NOT_STARTED, RECOMMITMENT, COUNTING, UNLOCKED, ENDED

	}

	/**
	 * @param at the instant the state is for
	 * @param phase the phase at that instant
	 * @param quietDays whole days since the count last (re)started, while counting
	 * @param countStartedAt when the count last (re)started, or null
	 * @param lastSeriousViolation the incident whose violation last restarted the count,
	 * or null
	 * @param unlockedAt when the unlocked phase began, or null
	 * @param pendingUndetermined serious incidents since the count started whose findings
	 * are undetermined: each could still restart the count
	 * @param violationsSinceStart serious violations between the agreement's start and
	 * {@code at}
	 * @param lastReset the violation that last restarted the count, with its term, time
	 * and reasons; null when none did
	 * @param view the view of the agreement's disputed fact the clock runs under, or null
	 * for an agreement without one
	 * @param viewLabel that view's label, or null
	 */
	public record State(Instant at, Phase phase, long quietDays, Instant countStartedAt, String lastSeriousViolation,
			Instant unlockedAt, int pendingUndetermined, int violationsSinceStart, String unlockedPhase,
			Reset lastReset, String view, String viewLabel) {

	}

	/**
	 * A violation that restarted the count.
	 *
	 * @param incidentId the incident
	 * @param termId the term it violated
	 * @param at when it restarted the count: the end of the incident's interval
	 * @param reasons the finding's reasons, in words
	 */
	public record Reset(String incidentId, String termId, Instant at, List<String> reasons) {

		public Reset {
			reasons = List.copyOf(reasons);
		}

	}

	public static State stateAt(Agreement agreement, List<Judged> judged, Instant at) {
		return stateAt(agreement, judged, at, List.of());
	}

	/**
	 * The state under one view of the agreement's disputed fact: the agreement's
	 * effective period is the view's, and only the findings under that view count.
	 * @param view the view, or null for an agreement without a disputed fact
	 */
	public static State stateAt(Agreement agreement, List<Judged> judged, Instant at, Dispute.View view) {
		return stateAt(agreement, judged, at, view == null ? List.of() : List.of(view));
	}

	/**
	 * The state under views of the agreement's disputed facts (one of each): the
	 * agreement is as they hold it, and only the findings under them count (with those of
	 * terms on which no disputed fact bears).
	 * @param views the views; empty for an agreement without disputed facts
	 */
	public static State stateAt(Agreement agreement, List<Judged> judged, Instant at, List<Dispute.View> views) {
		if (!views.isEmpty()) {
			java.util.Set<String> ids = new java.util.HashSet<>(views.stream().map(Dispute.View::id).toList());
			List<Judged> under = judged.stream().filter(j -> {
				String viewId = j.finding().key().viewId();
				return viewId == null || ids.containsAll(List.of(viewId.split("\\+")));
			}).toList();
			State s = stateAt(agreement.under(views), under, at, List.of());
			return new State(s.at(), s.phase(), s.quietDays(), s.countStartedAt(), s.lastSeriousViolation(),
					s.unlockedAt(), s.pendingUndetermined(), s.violationsSinceStart(), s.unlockedPhase(), s.lastReset(),
					String.join("+", views.stream().map(Dispute.View::id).toList()),
					String.join("; ", views.stream().map(Dispute.View::label).toList()));
		}
		ClockSpec spec = agreement.clock();
		if (spec == null) {
			throw new IllegalArgumentException("agreement " + agreement.id() + " has no clock");
		}
		Instant start = agreement.effective().start();
		if (at.isBefore(start)) {
			return new State(at, Phase.NOT_STARTED, 0, null, null, null, 0, 0, spec.unlockedPhase(), null, null, null);
		}
		List<Judged> serious = judged.stream()
			.filter(j -> j.finding().key().agreementId().equals(agreement.id()))
			.filter(j -> isSerious(spec, j.incident()))
			.filter(j -> !j.incident().when().end().isAfter(at))
			.sorted(Comparator.comparing(j -> j.incident().when().end()))
			.toList();
		List<Judged> violations = serious.stream().filter(j -> j.finding().outcome() == Outcome.VIOLATION).toList();
		Instant countStart = start.plus(spec.recommitment());
		Duration required = Duration.ofDays(spec.quietDaysRequired());
		Instant unlockedAt = null;
		String lastViolation = null;
		Reset lastReset = null;
		for (Judged v : violations) {
			Instant when = v.incident().when().end();
			if (when.isBefore(countStart)) {
				continue;
			}
			if (!when.isBefore(countStart.plus(required))) {
				unlockedAt = countStart.plus(required);
				break;
			}
			countStart = when;
			lastViolation = v.incident().id();
			lastReset = new Reset(v.incident().id(), v.finding().key().termId(), when,
					v.finding().reasons().stream().map(r -> r.detail()).toList());
		}
		if (unlockedAt == null && !at.isBefore(countStart.plus(required))) {
			unlockedAt = countStart.plus(required);
		}
		Instant countFrom = countStart;
		int pending = (int) serious.stream()
			.filter(j -> j.finding().outcome() == Outcome.UNDETERMINED)
			.filter(j -> !j.incident().when().end().isBefore(countFrom))
			.count();
		Phase phase;
		if (agreement.effective().end() != null && at.isAfter(agreement.effective().end())) {
			phase = Phase.ENDED;
		}
		else if (unlockedAt != null && !at.isBefore(unlockedAt)) {
			phase = Phase.UNLOCKED;
		}
		else if (at.isBefore(start.plus(spec.recommitment()))) {
			phase = Phase.RECOMMITMENT;
		}
		else {
			phase = Phase.COUNTING;
		}
		long quietDays = phase == Phase.COUNTING ? Duration.between(countStart, at).toDays() : 0;
		return new State(at, phase, quietDays, phase == Phase.COUNTING ? countStart : null, lastViolation, unlockedAt,
				pending, violations.size(), spec.unlockedPhase(), lastReset, null, null);
	}

	private static boolean isSerious(ClockSpec spec, Incident incident) {
		boolean byType = spec.seriousTypes().isEmpty() || spec.seriousTypes().contains(incident.eventType());
		Integer deaths = incident.casualties().total() == null ? null : incident.casualties().total().best();
		boolean byDeaths = spec.seriousMinDeaths() != null && deaths != null && deaths >= spec.seriousMinDeaths();
		return byType || byDeaths;
	}

}
