package org.truce.bulletin.application;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.truce.bulletin.model.BulletinInputs;
import org.truce.deconfliction.application.AlertJson;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.RaisingAlerts;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.incident.application.ManagingIncidents;
import org.truce.rfi.application.RequestingInformation;
import org.truce.shared.RejectedException;

/**
 * The requests for information, humanitarian notifications, proximity alerts and access
 * requests of a staff bulletin, folded from a ledger export's entries as the stores hold
 * them, and cut as {@link ComputingBulletin} reads them for staff:
 * <ul>
 * <li>{@code rfi-sent} and {@code rfi-answered} (in the clear): the requests sent in the
 * period about an incident with a finding under the agreement (an incident merged away,
 * {@code incident-merged}, is read as the one it was merged into, as the store resolves
 * it), with their answer's time;</li>
 * <li>{@code notification-sent} and {@code notification-acknowledged} (in the clear): the
 * notifications whose asserted time falls in the period, withdrawn or not, with each
 * party's asserted time of acknowledgment;</li>
 * <li>{@code alert} (staff only): the alerts about incidents that started in the period,
 * except those about declared positions (co-chairs' and the declaring side's) and those
 * that only the report's grid cell raises, which a monitor is not shown;</li>
 * <li>{@code access-requested} (its {@code window} staff's), {@code access-decided} and
 * {@code access-outcome-recorded}: the requests recorded in the period, each party's
 * latest decision (its asserted time) and the latest outcome.</li>
 * </ul>
 * An entry that lacks a fact the bulletin counts by is refused, naming it: alerts logged
 * before issue 17 do not hold the start of their report's interval.
 */
final class ReplayedRequests {

	final List<BulletinInputs.RfiFacts> rfis = new ArrayList<>();

	final List<BulletinInputs.NotificationFacts> notifications = new ArrayList<>();

	final List<BulletinInputs.AlertFacts> alerts = new ArrayList<>();

	final List<BulletinInputs.AccessFacts> accessRequests = new ArrayList<>();

	private ReplayedRequests() {
	}

	/**
	 * Folds the export's entries.
	 * @param underAgreement the ids of the incidents with a finding under the agreement
	 * @param start the period's first instant
	 * @param end the first instant after it
	 * @throws RejectedException when an entry lacks a fact the bulletin needs
	 */
	static ReplayedRequests fold(ExportedRecord record, Set<String> underAgreement, Instant start, Instant end) {
		Map<String, String> mergedInto = new HashMap<>();
		Map<String, ExportedRecord.Entry> rfisSent = new LinkedHashMap<>();
		Map<String, Instant> rfisAnswered = new HashMap<>();
		Map<String, ExportedRecord.Entry> notificationsSent = new LinkedHashMap<>();
		Map<String, Map<String, Instant>> acknowledged = new HashMap<>();
		Map<String, ExportedRecord.Entry> accessRequested = new LinkedHashMap<>();
		Map<String, Map<String, BulletinInputs.AccessFacts.Decision>> decided = new HashMap<>();
		Map<String, String> outcomes = new HashMap<>();
		ReplayedRequests out = new ReplayedRequests();
		for (ExportedRecord.Entry e : record.entries()) {
			switch (e.kind()) {
				case ManagingIncidents.MERGED -> {
					Map<?, ?> reports = group(e, ManagingIncidents.REPORTS);
					if (reports.get("from") instanceof List<?> gone) {
						gone.forEach(id -> mergedInto.put(String.valueOf(id), e.subject()));
					}
				}
				case RequestingInformation.SENT -> rfisSent.put(e.subject(), e);
				case RequestingInformation.ANSWERED -> rfisAnswered.put(e.subject(), instant(e, e.text("answeredAt")));
				case Notifying.SENT -> notificationsSent.put(e.subject(), e);
				case Notifying.ACKNOWLEDGED ->
					acknowledged.computeIfAbsent(e.text("notification"), k -> new HashMap<>())
						.put(e.text("party"), asserted(e, "acknowledgedAt"));
				case RaisingAlerts.KIND -> alert(e, start, end).ifPresent(out.alerts::add);
				case RequestingAccess.REQUESTED -> accessRequested.put(e.subject(), e);
				case RequestingAccess.DECIDED -> decided.computeIfAbsent(e.subject(), k -> new HashMap<>())
					.put(e.text("party"), new BulletinInputs.AccessFacts.Decision(e.text("party"), e.text("verdict"),
							asserted(e, "decidedAt")));
				case RequestingAccess.OUTCOME -> outcomes.put(e.subject(), e.text("outcome"));
				default -> {
				}
			}
		}
		for (ExportedRecord.Entry e : rfisSent.values()) {
			Instant sentAt = instant(e, e.text("requestedAt"));
			if (sentAt.isBefore(start) || !sentAt.isBefore(end)
					|| !underAgreement.contains(current(e.text("incident"), mergedInto))) {
				continue;
			}
			out.rfis.add(new BulletinInputs.RfiFacts(e.subject(), e.text("party"), e.text("requestedBySide"), sentAt,
					instant(e, e.text("deadline")), rfisAnswered.get(e.subject())));
		}
		for (ExportedRecord.Entry e : notificationsSent.values()) {
			Instant at = asserted(e, "notifiedAt");
			if (at.isBefore(start) || !at.isBefore(end)) {
				continue;
			}
			Map<String, Instant> acks = new TreeMap<>();
			Map<String, Instant> given = acknowledged.getOrDefault(e.subject(), Map.of());
			for (Object party : list(e, "parties")) {
				acks.put(String.valueOf(party), given.get(String.valueOf(party)));
			}
			out.notifications.add(new BulletinInputs.NotificationFacts(e.subject(), e.text("kind"), at,
					Collections.unmodifiableMap(acks)));
		}
		for (ExportedRecord.Entry e : accessRequested.values()) {
			Instant at = instant(e, e.text("requestedAt"));
			if (at.isBefore(start) || !at.isBefore(end)) {
				continue;
			}
			Map<String, BulletinInputs.AccessFacts.Decision> of = decided.getOrDefault(e.subject(), Map.of());
			List<BulletinInputs.AccessFacts.Decision> decisions = new ArrayList<>();
			for (Object p : list(e, "parties")) {
				String party = String.valueOf(p);
				decisions.add(of.getOrDefault(party, new BulletinInputs.AccessFacts.Decision(party, null, null)));
			}
			Object from = group(e, RequestingAccess.WINDOW).get("from");
			out.accessRequests.add(new BulletinInputs.AccessFacts(e.subject(), at,
					from == null ? null : instant(e, String.valueOf(from)), decisions, outcomes.get(e.subject())));
		}
		return out;
	}

	/**
	 * The alert a monitor is shown, if its report's interval starts in the period: none
	 * about a declared position, none raised by the report's cell only.
	 */
	private static java.util.Optional<BulletinInputs.AlertFacts> alert(ExportedRecord.Entry e, Instant start,
			Instant end) {
		Map<?, ?> report = group(e, AlertJson.REPORT);
		Map<?, ?> place = group(e, AlertJson.PLACE);
		if (report.get(AlertJson.START) == null) {
			throw ExportedRecord.refused("entry " + e.index() + " (line " + e.line() + ") is an alert logged without"
					+ " the start of its report's interval, which the bulletin counts alerts by (alerts hold it since"
					+ " issue 17): the replay would have to guess it");
		}
		Instant incidentStart = instant(e, String.valueOf(report.get(AlertJson.START)));
		ProtectedPlaceKind kind = ProtectedPlaceKind.ofCode(String.valueOf(place.get(AlertJson.PLACE_KIND)));
		if (kind == ProtectedPlaceKind.DECLARED_POSITION || Boolean.TRUE.equals(place.get("cellOnly"))
				|| incidentStart.isBefore(start) || !incidentStart.isBefore(end)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new BulletinInputs.AlertFacts(e.subject(), incidentStart, kind.name(),
				String.valueOf(place.get("proximity"))));
	}

	/** The incident an id names now, following merges. */
	private static String current(String id, Map<String, String> mergedInto) {
		String at = id;
		for (int hops = 0; hops <= mergedInto.size() && mergedInto.containsKey(at); hops++) {
			at = mergedInto.get(at);
		}
		return at;
	}

	/**
	 * The asserted time of the entry ({@code asserted.at}), or its {@code field} when it
	 * asserts none: the time the live record judges by.
	 */
	private static Instant asserted(ExportedRecord.Entry e, String field) {
		if (e.body().get("asserted") instanceof Map<?, ?> asserted && asserted.get("at") != null) {
			return instant(e, String.valueOf(asserted.get("at")));
		}
		return instant(e, e.text(field));
	}

	private static Map<?, ?> group(ExportedRecord.Entry e, String name) {
		if (e.opened().get(name) instanceof Map<?, ?> value) {
			return value;
		}
		throw ExportedRecord.refused("entry " + e.index() + " (line " + e.line() + ") is a " + e.kind()
				+ " whose group '" + name + "' this export does not open, and the staff bulletin reads it");
	}

	private static List<?> list(ExportedRecord.Entry e, String field) {
		if (e.body().get(field) instanceof List<?> l) {
			return l;
		}
		throw ExportedRecord.refused(
				"entry " + e.index() + " (line " + e.line() + ") is a " + e.kind() + " without its '" + field + "'");
	}

	private static Instant instant(ExportedRecord.Entry e, String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw ExportedRecord.refused("entry " + e.index() + " (line " + e.line() + ") is a " + e.kind()
					+ " with a time that is not an instant: " + text);
		}
	}

}
