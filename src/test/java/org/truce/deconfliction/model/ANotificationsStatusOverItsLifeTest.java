package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import org.truce.shared.Asserted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A convoy notified to two parties goes from SENT to ACKNOWLEDGED when the second party
 * acknowledges, and to EXPIRED when its window ends; a withdrawal ends it earlier, and an
 * acknowledgment after the end makes no transition.
 */
class ANotificationsStatusOverItsLifeTest {

	private static final Instant T0 = Instant.parse("2016-09-19T06:00:00Z");

	private static Notification convoy(Instant withdrawnAt) {
		return new Notification(UUID.randomUUID(), Notification.Kind.MOVEMENT, "Convoy", null, MovementKind.CONVOY,
				new GeometryFactory()
					.createLineString(new Coordinate[] { new Coordinate(37.16, 36.2), new Coordinate(36.95, 36.15) }),
				T0, T0.plusSeconds(12 * 3600), List.of(), null, Set.of("syria-government", "russia"), "n", T0,
				withdrawnAt, 1);
	}

	private static Acknowledgment ack(Notification n, String party, long seconds) {
		return new Acknowledgment(n.id(), party, "liaison-" + party, T0.plusSeconds(seconds));
	}

	@Test
	void itIsAcknowledgedWhenTheLastPartyAcknowledgesThenExpires() {
		Notification n = convoy(null);
		NotificationHistory h = new NotificationHistory(n,
				List.of(ack(n, "russia", 600), ack(n, "syria-government", 60)), null, "s");

		assertThat(h.status(T0.plusSeconds(30))).isEqualTo(NotificationStatus.SENT);
		assertThat(h.status(T0.plusSeconds(300))).as("one of two").isEqualTo(NotificationStatus.SENT);
		assertThat(h.status(T0.plusSeconds(601))).isEqualTo(NotificationStatus.ACKNOWLEDGED);
		assertThat(h.transitions(T0.plusSeconds(13 * 3600)))
			.extracting(NotificationHistory.Transition::status, NotificationHistory.Transition::at)
			.containsExactly(tuple(NotificationStatus.SENT, T0),
					tuple(NotificationStatus.ACKNOWLEDGED, T0.plusSeconds(600)),
					tuple(NotificationStatus.EXPIRED, T0.plusSeconds(12 * 3600)));
	}

	@Test
	void aWithdrawalEndsItAndALaterAcknowledgmentMakesNoTransition() {
		Notification n = convoy(T0.plusSeconds(100));
		NotificationHistory h = new NotificationHistory(n,
				List.of(ack(n, "russia", 50), ack(n, "syria-government", 200)), "n", "s");

		assertThat(h.transitions(T0.plusSeconds(300))).extracting(NotificationHistory.Transition::status)
			.containsExactly(NotificationStatus.SENT, NotificationStatus.WITHDRAWN);
	}

	@Test
	void whoKnewBeforeTheStrike() {
		Notification n = convoy(null);
		NotificationHistory h = new NotificationHistory(n, List.of(ack(n, "syria-government", 60)), null, "s");
		Instant strike = T0.plusSeconds(3600);

		NotificationHistory.NotifiedBefore syria = h.notifiedBefore("syria-government", strike);
		NotificationHistory.NotifiedBefore russia = h.notifiedBefore("russia", strike);
		NotificationHistory.NotifiedBefore other = h.notifiedBefore("free-syrian-army", strike);
		NotificationHistory.NotifiedBefore tooEarly = h.notifiedBefore("syria-government", T0.minusSeconds(1));

		assertThat(syria.notified()).isTrue();
		assertThat(syria.acknowledgedBeforeStrike()).isTrue();
		assertThat(russia.notified()).isTrue();
		assertThat(russia.acknowledgedAt()).isNull();
		assertThat(russia.acknowledgedBeforeStrike()).isFalse();
		assertThat(other.notified()).isFalse();
		assertThat(other.notifiedAt()).isNull();
		assertThat(tooEarly.notified()).isFalse();
		assertThat(tooEarly.acknowledgedBeforeStrike()).isFalse();
	}

	@Test
	void aNotificationEnteredAfterTheFactRunsItsHistoryFromTheAssertedTimes() {
		Instant recorded = Instant.parse("2026-12-07T04:00:00Z");
		Asserted byOcha = new Asserted(T0.minusSeconds(3600), "OCHA", "Statement of 19 September 2016", null);
		Notification n = new Notification(UUID.randomUUID(), Notification.Kind.MOVEMENT, "Convoy", null,
				MovementKind.CONVOY,
				new GeometryFactory()
					.createLineString(new Coordinate[] { new Coordinate(37.16, 36.2), new Coordinate(36.95, 36.15) }),
				T0, T0.plusSeconds(12 * 3600), List.of(), null, Set.of("syria-government", "russia"), "n", recorded,
				byOcha, null, 1);
		Asserted byLiaison = new Asserted(T0.plusSeconds(60), "Syrian liaison office", "Letter", null);
		NotificationHistory h = new NotificationHistory(n,
				List.of(new Acknowledgment(n.id(), "syria-government", "l", recorded.plusSeconds(5), byLiaison),
						new Acknowledgment(n.id(), "russia", "l2", recorded.plusSeconds(9))),
				null, "s");

		assertThat(h.transitions(recorded.plusSeconds(10)))
			.extracting(NotificationHistory.Transition::status, NotificationHistory.Transition::at,
					NotificationHistory.Transition::asserted)
			.as("sent as asserted, in 2016; expired in 2016; Russia's acknowledgment, recorded later, after its end")
			.containsExactly(tuple(NotificationStatus.SENT, T0.minusSeconds(3600), byOcha),
					tuple(NotificationStatus.EXPIRED, T0.plusSeconds(12 * 3600), null));
		assertThat(h.acknowledgments()).extracting(Acknowledgment::party)
			.as("by asserted time")
			.containsExactly("syria-government", "russia");

		NotificationHistory.NotifiedBefore syria = h.notifiedBefore("syria-government", T0);
		assertThat(syria.notified()).isTrue();
		assertThat(syria.notifiedAt()).isEqualTo(T0.minusSeconds(3600));
		assertThat(syria.notifiedAsserted()).isEqualTo(byOcha);
		assertThat(syria.notificationRecordedAt()).isEqualTo(recorded);
		assertThat(h.notifiedBefore("syria-government", T0.plusSeconds(61)).acknowledgedBeforeStrike()).isTrue();
		assertThat(h.notifiedBefore("syria-government", T0.plusSeconds(61)).acknowledgmentRecordedAt())
			.isEqualTo(recorded.plusSeconds(5));
		assertThat(h.notifiedBefore("russia", T0.plusSeconds(61)).acknowledgedBeforeStrike())
			.as("acknowledged as recorded, in 2026")
			.isFalse();
	}

	@Test
	void aNotificationNotAssertedOtherwiseIsNotifiedWhenItWasRecorded() {
		Notification n = convoy(null);

		assertThat(n.asserted()).isEqualTo(Asserted.recorded(T0, "n"));
		assertThat(new NotificationHistory(n, List.of(), null, "s").notifiedBefore("russia", T0).notified()).isFalse();
	}

}
