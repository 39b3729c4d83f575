package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import static org.assertj.core.api.Assertions.assertThat;

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
		assertThat(h.transitions(T0.plusSeconds(13 * 3600))).containsExactly(
				new NotificationHistory.Transition(NotificationStatus.SENT, T0),
				new NotificationHistory.Transition(NotificationStatus.ACKNOWLEDGED, T0.plusSeconds(600)),
				new NotificationHistory.Transition(NotificationStatus.EXPIRED, T0.plusSeconds(12 * 3600)));
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

}
