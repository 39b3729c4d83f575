package org.truce.deconfliction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.geo.model.GeoJsonShape;

/**
 * A notification as the API shows it to those who may read it: its content, the salt that
 * opens the ledger's commitment to it ({@code content.value} is the exact canonical JSON
 * hashed: SHA-256(salt + "." + value) is {@code content.commitment}), its status and
 * transitions at {@code at}, and each party's acknowledgment.
 */
record NotificationView(String id, String kind, String name, String siteKind, String movementKind,
		Map<String, Object> geometry, Instant from, Instant to, List<Notification.Vehicle> vehicles, String markings,
		List<String> parties, String notifiedBy, Instant notifiedAt, Instant withdrawnAt, String withdrawnBy,
		int version, String status, List<TransitionView> transitions, List<AcknowledgmentView> acknowledgments,
		List<String> awaiting, ContentView content) {

	record TransitionView(String status, Instant at) {

	}

	record AcknowledgmentView(String party, String by, Instant at) {

	}

	record ContentView(String salt, String value, String commitment) {

	}

	static NotificationView of(NotificationHistory h, Instant now) {
		Notification n = h.notification();
		List<String> parties = n.parties().stream().sorted().toList();
		return new NotificationView(n.id().toString(), n.kind().name(), n.name(),
				n.siteKind() == null ? null : n.siteKind().name(),
				n.movementKind() == null ? null : n.movementKind().name(), GeoJsonShape.of(n.geometry()), n.from(),
				n.to(), n.vehicles(), n.markings(), parties, n.notifiedBy(), n.notifiedAt(), n.withdrawnAt(),
				h.withdrawnBy(), n.version(), h.status(now).name(),
				h.transitions(now).stream().map(t -> new TransitionView(t.status().name(), t.at())).toList(),
				h.acknowledgments().stream().map(NotificationView::ack).toList(),
				parties.stream().filter(p -> h.acknowledgment(p).isEmpty()).toList(),
				new ContentView(h.contentSalt(), Notifying.content(n), Notifying.contentCommitment(h)));
	}

	private static AcknowledgmentView ack(Acknowledgment a) {
		return new AcknowledgmentView(a.party(), a.by(), a.at());
	}

}
