package org.truce.deconfliction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.geo.model.GeoJsonShape;
import org.truce.ledger.application.AssertedEntries;
import org.truce.shared.Asserted;

/**
 * A notification as the API shows it to those who may read it: its content, the salt that
 * opens the ledger's commitment to it ({@code content.value} is the exact canonical JSON
 * hashed: SHA-256(salt + "." + value) is {@code content.commitment}), its status and
 * transitions at {@code at}, and each party's acknowledgment.
 *
 * <p>
 * Times are asserted ones: {@code notifiedAt} is when it was notified, as
 * {@code asserted} says (who asserts it, and in what document), and {@code recordedAt}
 * when Truce recorded it; the two differ for a notification entered after the fact. So
 * for each acknowledgment ({@code at} and {@code recordedAt}) and each transition.
 */
record NotificationView(String id, String kind, String name, String siteKind, String movementKind,
		Map<String, Object> geometry, Instant from, Instant to, List<Notification.Vehicle> vehicles, String markings,
		List<String> parties, String notifiedBy, Instant notifiedAt, AssertedView asserted, Instant recordedAt,
		Instant withdrawnAt, String withdrawnBy, int version, String status, List<TransitionView> transitions,
		List<AcknowledgmentView> acknowledgments, List<String> awaiting, ContentView content) {

	/**
	 * @param provenanceCommitment the commitment to the document in the ledger entry
	 * (SHA-256(salt + "." + {@code {about, document, url}}) with the content salt), or
	 * null when no document is cited
	 */
	record AssertedView(Instant at, String by, String document, String url, String provenanceCommitment) {

		static AssertedView of(Asserted a, String salt, String about) {
			return a == null ? null : new AssertedView(a.at(), a.by(), a.document(), a.url(),
					salt == null ? null : AssertedEntries.provenanceCommitment(a, salt, about));
		}

	}

	record TransitionView(String status, Instant at, AssertedView asserted) {

	}

	record AcknowledgmentView(String party, String by, Instant at, AssertedView asserted, Instant recordedAt) {

	}

	record ContentView(String salt, String value, String commitment) {

	}

	static NotificationView of(NotificationHistory h, Instant now) {
		Notification n = h.notification();
		List<String> parties = n.parties().stream().sorted().toList();
		return new NotificationView(n.id().toString(), n.kind().name(), n.name(),
				n.siteKind() == null ? null : n.siteKind().name(),
				n.movementKind() == null ? null : n.movementKind().name(), GeoJsonShape.of(n.geometry()), n.from(),
				n.to(), n.vehicles(), n.markings(), parties, n.notifiedBy(), n.notifiedAsAsserted(),
				AssertedView.of(n.asserted(), h.contentSalt(), n.id().toString()), n.notifiedAt(), n.withdrawnAt(),
				h.withdrawnBy(), n.version(), h.status(now).name(),
				h.transitions(now)
					.stream()
					.map(t -> new TransitionView(t.status().name(), t.at(), AssertedView.of(t.asserted(), null, null)))
					.toList(),
				h.acknowledgments().stream().map(a -> ack(a, h.contentSalt())).toList(),
				parties.stream().filter(p -> h.acknowledgment(p).isEmpty()).toList(),
				new ContentView(h.contentSalt(), Notifying.content(n), Notifying.contentCommitment(h)));
	}

	private static AcknowledgmentView ack(Acknowledgment a, String salt) {
		return new AcknowledgmentView(a.party(), a.by(), a.acknowledgedAt(),
				AssertedView.of(a.asserted(), salt, Notifying.acknowledgmentSubject(a.notificationId(), a.party())),
				a.at());
	}

}
