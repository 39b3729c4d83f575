package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.truce.shared.Asserted;

/**
 * A notification as the record holds it: the notification, each party's first
 * acknowledgment, and who withdrew it. Its status is derived, at an instant, from these
 * and its window; so is the history of its transitions.
 *
 * <p>
 * Times are the asserted ones ({@link Asserted}): a notification entered after the fact
 * was sent when its document says, not when Truce recorded it, and each transition says
 * who asserts its time.
 *
 * @param notification what was notified, to whom and when
 * @param acknowledgments at most one per party concerned (the first), by asserted time
 * @param withdrawnBy the notifier who withdrew it, or null
 * @param contentSalt the salt of the commitment to its content in its
 * {@code notification-sent} ledger entry (32 hex characters)
 */
public record NotificationHistory(Notification notification, List<Acknowledgment> acknowledgments, String withdrawnBy,
		String contentSalt) {

	public NotificationHistory {
		Objects.requireNonNull(notification, "notification");
		acknowledgments = acknowledgments == null ? List.of()
				: acknowledgments.stream().sorted(Comparator.comparing(Acknowledgment::acknowledgedAt)).toList();
	}

	/**
	 * A status and the instant the notification entered it.
	 *
	 * @param asserted who asserts that instant, and in what document: the notification's
	 * assertion for SENT, the last acknowledgment's for ACKNOWLEDGED, the withdrawal's
	 * recording for WITHDRAWN; null for EXPIRED, which follows from the window
	 */
	public record Transition(NotificationStatus status, Instant at, Asserted asserted) {

		public Transition(NotificationStatus status, Instant at) {
			this(status, at, null);
		}

	}

	public Optional<Acknowledgment> acknowledgment(String party) {
		return this.acknowledgments.stream().filter(a -> a.party().equals(party)).findFirst();
	}

	/**
	 * When the last party concerned acknowledged it, or empty while one has not (or when
	 * no party is concerned).
	 */
	public Optional<Instant> acknowledgedByAllAt() {
		return lastAcknowledgment().map(Acknowledgment::acknowledgedAt);
	}

	/**
	 * The acknowledgment that completed the set (the latest asserted), or empty while a
	 * party concerned has not acknowledged (or when no party is concerned).
	 */
	private Optional<Acknowledgment> lastAcknowledgment() {
		if (this.notification.parties().isEmpty()) {
			return Optional.empty();
		}
		Acknowledgment last = null;
		for (String party : this.notification.parties()) {
			Optional<Acknowledgment> ack = acknowledgment(party);
			if (ack.isEmpty()) {
				return Optional.empty();
			}
			if (last == null || ack.get().acknowledgedAt().isAfter(last.acknowledgedAt())) {
				last = ack.get();
			}
		}
		return Optional.ofNullable(last);
	}

	/**
	 * The status at {@code now}: {@link NotificationStatus#WITHDRAWN} once withdrawn,
	 * else {@link NotificationStatus#EXPIRED} once its window has ended, else
	 * {@link NotificationStatus#ACKNOWLEDGED} once every party has acknowledged it, else
	 * {@link NotificationStatus#SENT}.
	 */
	public NotificationStatus status(Instant now) {
		List<Transition> t = transitions(now);
		return t.get(t.size() - 1).status();
	}

	/**
	 * Every transition up to {@code now}, in order: SENT at once, then ACKNOWLEDGED,
	 * EXPIRED and WITHDRAWN as each happened. A notification ends at the first of expiry
	 * and withdrawal; an acknowledgment after that end is kept with the acknowledgments
	 * but makes no transition.
	 */
	public List<Transition> transitions(Instant now) {
		Notification n = this.notification;
		List<Transition> out = new ArrayList<>();
		out.add(new Transition(NotificationStatus.SENT, n.notifiedAsAsserted(), n.asserted()));
		Instant expired = n.to() != null && n.to().isBefore(now) ? n.to() : null;
		Instant withdrawn = n.withdrawnAt() != null && !n.withdrawnAt().isAfter(now) ? n.withdrawnAt() : null;
		Instant end = expired == null ? withdrawn
				: withdrawn == null ? expired : (expired.isBefore(withdrawn) ? expired : withdrawn);
		Optional<Acknowledgment> acked = lastAcknowledgment().filter(a -> !a.acknowledgedAt().isAfter(now))
			.filter(a -> end == null || a.acknowledgedAt().isBefore(end));
		acked
			.ifPresent(a -> out.add(new Transition(NotificationStatus.ACKNOWLEDGED, a.acknowledgedAt(), a.asserted())));
		if (end != null) {
			boolean byWithdrawal = end.equals(withdrawn);
			out.add(new Transition(byWithdrawal ? NotificationStatus.WITHDRAWN : NotificationStatus.EXPIRED, end,
					byWithdrawal && this.withdrawnBy != null ? Asserted.recorded(end, this.withdrawnBy) : null));
		}
		return out;
	}

	/**
	 * Whether {@code party} had been notified before {@code strike}, and whether it had
	 * acknowledged by then. A notification is delivered to its parties at its asserted
	 * time (when it was recorded, unless it was entered after the fact); it does not
	 * count once withdrawn before the strike.
	 */
	public NotifiedBefore notifiedBefore(String party, Instant strike) {
		Notification n = this.notification;
		boolean concerned = n.parties().contains(party);
		boolean withdrawnBefore = n.withdrawnAt() != null && n.withdrawnAt().isBefore(strike);
		boolean notified = concerned && n.notifiedAsAsserted().isBefore(strike) && !withdrawnBefore;
		Optional<Acknowledgment> ack = concerned ? acknowledgment(party) : Optional.empty();
		boolean ackedBefore = notified && ack.isPresent() && ack.get().acknowledgedAt().isBefore(strike);
		return new NotifiedBefore(party, strike, notified, concerned ? n.notifiedAsAsserted() : null,
				concerned ? n.asserted() : null, concerned ? n.notifiedAt() : null,
				ack.map(Acknowledgment::acknowledgedAt).orElse(null), ack.map(Acknowledgment::by).orElse(null),
				ack.map(Acknowledgment::asserted).orElse(null), ack.map(Acknowledgment::at).orElse(null), ackedBefore,
				withdrawnBefore);
	}

	/**
	 * The answer to "was this notified to {@code party} before {@code strike}?".
	 *
	 * @param notified whether the party is concerned, the notification was recorded
	 * before the strike, and it was not withdrawn before it
	 * @param notifiedAt when it was delivered to the party, as asserted, or null if it
	 * never was
	 * @param notifiedAsserted who asserts {@code notifiedAt}, in what document, or null
	 * @param notificationRecordedAt when Truce recorded the notification, or null
	 * @param acknowledgedAt when the party acknowledged it, as asserted (whether before
	 * the strike or not), or null
	 * @param acknowledgedBy the liaison who acknowledged it, or null
	 * @param acknowledgmentAsserted who asserts {@code acknowledgedAt}, or null
	 * @param acknowledgmentRecordedAt when Truce recorded the acknowledgment, or null
	 * @param acknowledgedBeforeStrike whether the party had acknowledged it before the
	 * strike
	 * @param withdrawnBeforeStrike whether the notifier had withdrawn it before the
	 * strike
	 */
	public record NotifiedBefore(String party, Instant strike, boolean notified, Instant notifiedAt,
			Asserted notifiedAsserted, Instant notificationRecordedAt, Instant acknowledgedAt, String acknowledgedBy,
			Asserted acknowledgmentAsserted, Instant acknowledgmentRecordedAt, boolean acknowledgedBeforeStrike,
			boolean withdrawnBeforeStrike) {

	}

}
