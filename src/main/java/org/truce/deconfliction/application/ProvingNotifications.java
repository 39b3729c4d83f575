package org.truce.deconfliction.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.IncidentDirectory;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.StandardBase64;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.Report;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Answers "was this notified to party Y before strike Z?" with the ledger entries that
 * prove it, each with its RFC 9162 inclusion proof against the newest signed checkpoint,
 * so that the party can check the answer offline with the log's public key alone.
 */
@Service
public class ProvingNotifications {

	private final Notifying notifying;

	private final Ledger ledger;

	private final Checkpointing checkpointing;

	private final ReadingReports reports;

	private final IncidentDirectory incidents;

	public ProvingNotifications(Notifying notifying, Ledger ledger, Checkpointing checkpointing, ReadingReports reports,
			IncidentDirectory incidents) {
		this.notifying = notifying;
		this.ledger = ledger;
		this.checkpointing = checkpointing;
		this.reports = reports;
		this.incidents = incidents;
	}

	/**
	 * The instant a strike is judged at: an instant with offset as given; for a report's
	 * id, the start of the interval in which it happened; for an incident's id, the
	 * earliest start among its reports the reader may see. The earliest possible time is
	 * taken, so that "notified before" is never claimed for a strike that may have come
	 * first.
	 * @throws RejectedException INVALID_QUERY when it is neither, NOT_FOUND when no
	 * report or incident the reader may see has the id
	 */
	public Instant strikeTime(String before, Viewer viewer) {
		if (before == null || before.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "before"));
		}
		String text = before.strip();
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			// Not an instant: a report's or an incident's id.
		}
		UUID id;
		try {
			id = UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, "before", "before"));
		}
		Optional<Report> report = this.reports.byId(id, viewer);
		if (report.isPresent()) {
			return report.get().when().start();
		}
		return this.incidents.current(id, viewer)
			.flatMap(incident -> this.incidents.visibleReports(incident, viewer)
				.stream()
				.map(r -> r.when().start())
				.min(Comparator.naturalOrder()))
			.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "before", "before", text)));
	}

	/**
	 * The answer and its proof, as a JSON object: {@code notification, party, strikeAt,
	 * notified, notifiedAt, notifiedAsserted, notificationRecordedAt, acknowledgedAt,
	 * acknowledgedBy, acknowledgmentAsserted, acknowledgmentRecordedAt,
	 * acknowledgedBeforeStrike, withdrawnBeforeStrike, answer, ledger,
	 * acknowledgmentLedger}. Times are asserted ones ({@code notifiedAt},
	 * {@code acknowledgedAt}), each with who asserts it and in what document ({@code {at,
	 * by, document, url}}) and when Truce recorded it; {@code answer} says it in a
	 * sentence. {@code ledger} proves the {@code notification-sent} entry,
	 * {@code acknowledgmentLedger} the party's {@code notification-acknowledged} entry
	 * (when there is one); see {@link #entryProof}.
	 * @throws RejectedException NOT_FOUND when the reader may not read the notification
	 */
	public Map<String, Object> notified(UUID id, String party, Instant strike, DeconflictionReader reader) {
		if (party == null || party.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "party"));
		}
		NotificationHistory h = this.notifying.read(id, reader)
			.orElseThrow(
					() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/notifications/" + id)));
		NotificationHistory.NotifiedBefore answer = h.notifiedBefore(party.strip(), strike);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("notification", id.toString());
		m.put("party", answer.party());
		m.put("strikeAt", strike.toString());
		m.put("notified", answer.notified());
		m.put("notifiedAt", text(answer.notifiedAt()));
		m.put("notifiedAsserted", answer.notifiedAsserted() == null ? null : answer.notifiedAsserted().fields());
		m.put("notificationRecordedAt", text(answer.notificationRecordedAt()));
		m.put("acknowledgedAt", text(answer.acknowledgedAt()));
		m.put("acknowledgedBy", answer.acknowledgedBy());
		m.put("acknowledgmentAsserted",
				answer.acknowledgmentAsserted() == null ? null : answer.acknowledgmentAsserted().fields());
		m.put("acknowledgmentRecordedAt", text(answer.acknowledgmentRecordedAt()));
		m.put("acknowledgedBeforeStrike", answer.acknowledgedBeforeStrike());
		m.put("withdrawnBeforeStrike", answer.withdrawnBeforeStrike());
		m.put("answer", sentence(answer));
		m.put("ledger", entryProof(Notifying.SENT, id.toString()).orElse(null));
		Optional<Acknowledgment> ack = h.acknowledgment(answer.party());
		m.put("acknowledgmentLedger", ack.isEmpty() ? null
				: entryProof(Notifying.ACKNOWLEDGED, Notifying.acknowledgmentSubject(id, answer.party())).orElse(null));
		return m;
	}

	/**
	 * The answer in a sentence, with the time asserted, by whom, in what document, and
	 * when it was recorded.
	 */
	static String sentence(NotificationHistory.NotifiedBefore a) {
		if (a.notifiedAt() == null) {
			return "No: " + a.party() + " is not a party this notification was delivered to.";
		}
		StringBuilder s = new StringBuilder();
		if (a.notified()) {
			s.append("Yes. Notified to ")
				.append(a.party())
				.append(" at ")
				.append(a.notifiedAt())
				.append(", before the strike at ")
				.append(a.strike());
		}
		else if (a.withdrawnBeforeStrike()) {
			s.append("No. Withdrawn before the strike at ")
				.append(a.strike())
				.append("; it had been notified to ")
				.append(a.party())
				.append(" at ")
				.append(a.notifiedAt());
		}
		else {
			s.append("No. Notified to ")
				.append(a.party())
				.append(" only at ")
				.append(a.notifiedAt())
				.append(", not before the strike at ")
				.append(a.strike());
		}
		s.append(provenance(a.notifiedAsserted(), a.notificationRecordedAt()));
		s.append(a.acknowledgedBeforeStrike()
				? " The party acknowledged it before, at " + a.acknowledgedAt()
						+ provenance(a.acknowledgmentAsserted(), a.acknowledgmentRecordedAt())
				: a.acknowledgedAt() == null ? " The party has not acknowledged it."
						: " The party acknowledged it only at " + a.acknowledgedAt()
								+ provenance(a.acknowledgmentAsserted(), a.acknowledgmentRecordedAt()));
		return s.toString();
	}

	private static String provenance(org.truce.shared.Asserted asserted, Instant recordedAt) {
		if (asserted == null) {
			return ".";
		}
		StringBuilder s = new StringBuilder(", as asserted by ").append(asserted.by());
		if (asserted.document() != null) {
			s.append(" in \"").append(asserted.document()).append('"');
		}
		if (asserted.url() != null) {
			s.append(" (").append(asserted.url()).append(')');
		}
		s.append("; recorded in Truce at ").append(recordedAt).append('.');
		return s.toString();
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	/**
	 * The newest entry of a kind about a subject, with its inclusion proof: {@code index,
	 * kind, leafHash (standard base64 of SHA-256(0x00 || entry)), entry (its RFC 8785
	 * text), checkpointed}; when the newest signed checkpoint includes it, also
	 * {@code size, root, proof (RFC 9162 §2.1.3 audit path, base64), checkpoint (the
	 * C2SP signed note)}. An entry appended after that checkpoint has
	 * {@code checkpointed: false} and no proof yet.
	 */
	public Optional<Map<String, Object>> entryProof(String kind, String subject) {
		return this.ledger.indexOf(kind, subject).map(index -> {
			LedgerStore.StoredEntry e = this.ledger.entries(index, index + 1).get(0);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("index", index);
			m.put("kind", e.kind());
			m.put("subject", e.subject());
			m.put("leafHash", StandardBase64.encode(e.leafHash()));
			m.put("entry", e.canonicalJson());
			Optional<Long> size = this.checkpointing.latestSize();
			boolean checkpointed = size.isPresent() && index < size.get();
			m.put("checkpointed", checkpointed);
			if (checkpointed) {
				long n = size.get();
				m.put("size", n);
				m.put("root", StandardBase64.encode(this.ledger.root(n)));
				List<String> proof = this.ledger.inclusionProof(index, n).stream().map(StandardBase64::encode).toList();
				m.put("proof", proof);
				m.put("checkpoint", this.checkpointing.at(n).orElse(null));
			}
			return m;
		});
	}

}
