package org.truce.bulletin.application;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.RecordedFindings;
import org.truce.adjudication.model.RecordedFindings.RecordedFinding;
import org.truce.adjudication.model.RecordedFindings.RecordedIncident;
import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.application.BoundaryLookup;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.Dispute;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinInputs;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.bulletin.model.Bulletins;
import org.truce.incident.model.Incident;
import org.truce.report.model.Casualties;
import org.truce.report.model.Estimate;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * A bulletin computed from a ledger export ({@link ExportedRecord}) instead of the
 * stores: the same {@link BulletinInputs}, folded from the log's entries, given to the
 * same pure {@link Bulletins#compute}, so that the export's reader gets the bulletin the
 * live record gives that reader, byte for byte ({@code BulletinJson}).
 *
 * <p>
 * What comes from where: the agreement from its {@code agreement-version} entries (the
 * documents, in the clear); the incidents, their findings and the compliance clock from
 * the {@code findings-recorded} entries (staff only), folded in the log's order as the
 * findings store was written; the requests for information, notifications, alerts and
 * access requests of the staff bulletin from their own entries
 * ({@link ReplayedRequests}). The time zone in which days are counted is the scenario's,
 * as for the live bulletin: it is not in the log, and the bulletin states it.
 *
 * <p>
 * What it will not guess: the public's incidents are those of published reports, which an
 * export for the public does not open; when the log holds a {@code publication}, the
 * public's bulletin cannot be rebuilt from it, and is refused rather than given without
 * them. A log written before findings were logged ({@code findings-recorded}, issue 17)
 * holds reports whose findings it cannot rebuild: also refused.
 */
@Service
public class ReplayingBulletin {

	private final AgreementDocuments documents;

	private final ScenarioZone zone;

	public ReplayingBulletin(BoundaryLookup boundaries, ScenarioZone zone) {
		this.documents = new AgreementDocuments(boundaries);
		this.zone = zone;
	}

	/** The bulletin the export's reader gets. */
	public Bulletin compute(BulletinQuery query, ExportedRecord record) {
		return Bulletins.compute(query, inputs(query, record));
	}

	/** The inputs of the bulletin, as the export's record gives them to its reader. */
	public BulletinInputs inputs(BulletinQuery query, ExportedRecord record) {
		Map<String, List<Agreement>> agreements = agreements(record);
		List<Agreement> versions = agreements.getOrDefault(query.agreementId(), List.of());
		Agreement agreement = validate(query, versions);
		ZoneId tz = this.zone.zone();
		Instant end = query.to().plusDays(1).atStartOfDay(tz).toInstant();
		Instant previousStart = query.previous().from().atStartOfDay(tz).toInstant();
		BulletinInputs.AgreementFacts facts = BulletinInputs.AgreementFacts.of(agreement, tz);
		boolean staff = record.reader().staff();
		Instant start = query.from().atStartOfDay(tz).toInstant();
		List<BulletinInputs.IncidentFacts> incidents = new ArrayList<>();
		ComplianceClock.State state = null;
		String clockNote = null;
		ReplayedRequests requests = null;
		if (staff) {
			Fold fold = fold(record, agreement.id());
			requests = ReplayedRequests.fold(record, fold.findings.getOrDefault(agreement.id(), Map.of()).keySet(),
					start, end);
			for (RecordedIncident i : fold.incidents.values()) {
				if (!i.start().isBefore(previousStart) && i.start().isBefore(end)) {
					incidents.add(facts(i, fold.findingsOf(agreement.id(), i.id())));
				}
			}
			if (agreement.clock() == null) {
				clockNote = "The agreement has no compliance clock.";
			}
			else {
				Instant at = end.minusMillis(1);
				state = clock(versions, fold, agreement.id(), at);
			}
		}
		else {
			publicIncidents(record);
			clockNote = agreement.clock() == null ? "The agreement has no compliance clock."
					: "The compliance clock is judged over the whole record: only monitors and co-chairs see it.";
		}
		if (requests == null) {
			// The public reads no request, notification, alert or access request.
			return new BulletinInputs(facts, ComputingBulletin.readerName(record.reader()), incidents, state, clockNote,
					List.of(), List.of(), List.of(), List.of());
		}
		return new BulletinInputs(facts, ComputingBulletin.readerName(record.reader()), incidents, state, clockNote,
				requests.rfis, requests.notifications, requests.alerts, requests.accessRequests);
	}

	/**
	 * The public sees incidents only of published reports, whose contents an export for
	 * the public does not open: with none published, it sees none; otherwise they cannot
	 * be known from the export.
	 */
	private static void publicIncidents(ExportedRecord record) {
		record.entries().stream().filter(e -> "publication".equals(e.kind())).findFirst().ifPresent(e -> {
			throw ExportedRecord.refused("entry " + e.index() + " (line " + e.line() + ") publishes report "
					+ e.subject() + ", and the public's incidents are computed from the published reports' contents,"
					+ " which an export without disclosures does not open: the public's bulletin cannot be rebuilt"
					+ " from it without guessing");
		});
	}

	// ------------------------------------------------------------ agreements

	private Map<String, List<Agreement>> agreements(ExportedRecord record) {
		List<ExportedRecord.Entry> docs = record.entries()
			.stream()
			.filter(e -> "agreement-version".equals(e.kind()))
			.toList();
		List<String> texts = docs.stream().map(e -> e.text("document")).toList();
		AgreementDocuments.EarlierVersions earlier = AgreementDocuments.EarlierVersions.among(texts);
		Map<String, List<Agreement>> out = new LinkedHashMap<>();
		for (ExportedRecord.Entry e : docs) {
			String file = e.text("fileName") == null ? e.text("agreementId") : e.text("fileName");
			AgreementDocuments.Parsed parsed = this.documents.parse(file, new StringReader(e.text("document")),
					earlier);
			if (!parsed.ok()) {
				throw ExportedRecord.refused("the agreement document of entry " + e.index() + " (line " + e.line()
						+ ") does not parse: " + parsed.errors());
			}
			out.computeIfAbsent(parsed.agreement().id(), k -> new ArrayList<>()).add(parsed.agreement());
		}
		out.values().forEach(list -> list.sort(Comparator.comparingInt(Agreement::version)));
		return out;
	}

	/**
	 * As the live bulletin validates its query (ComputingBulletin), against the log's
	 * versions.
	 */
	private Agreement validate(BulletinQuery query, List<Agreement> versions) {
		if (versions.isEmpty()) {
			throw new RejectedException(Problem.with(ErrorCode.UNKNOWN_AGREEMENT, "agreement", query.agreementId()));
		}
		Agreement agreement = versions.get(versions.size() - 1);
		Instant life = versions.stream().map(a -> a.effective().start()).min(Instant::compareTo).orElseThrow();
		ComputingBulletin.validate(query, agreement, life, this.zone.zone());
		return agreement;
	}

	// -------------------------------------------------------------- findings

	/**
	 * The findings store as the log's {@code findings-recorded} entries wrote it, in
	 * order: each judged incident's facts, and each agreement's findings by incident.
	 */
	static final class Fold {

		final Map<String, RecordedIncident> incidents = new LinkedHashMap<>();

		final Map<String, Map<String, List<RecordedFinding>>> findings = new HashMap<>();

		final Set<String> reportIds = new HashSet<>();

		List<RecordedFinding> findingsOf(String agreementId, String incidentId) {
			return this.findings.getOrDefault(agreementId, Map.of()).getOrDefault(incidentId, List.of());
		}

		void apply(RecordedFindings w) {
			Map<String, List<RecordedFinding>> of = this.findings.computeIfAbsent(w.agreementId(),
					k -> new HashMap<>());
			if (w.whole()) {
				of.clear();
			}
			Set<String> judged = new HashSet<>();
			w.incidents().forEach(i -> judged.add(i.id()));
			for (String id : w.replaced()) {
				of.remove(id);
				if (!judged.contains(id)) {
					this.incidents.remove(id);
				}
			}
			for (RecordedIncident i : w.incidents()) {
				this.incidents.put(i.id(), i);
				if (i.findings().isEmpty()) {
					of.remove(i.id());
				}
				else {
					of.put(i.id(), i.findings());
				}
			}
		}

	}

	private static Fold fold(ExportedRecord record, String agreementId) {
		Fold fold = new Fold();
		boolean any = false;
		for (ExportedRecord.Entry e : record.entries()) {
			if ("report".equals(e.kind())) {
				fold.reportIds.add(e.subject());
			}
			if (!RecordedFindings.KIND.equals(e.kind())) {
				continue;
			}
			Object value = e.opened().get(RecordedFindings.GROUP);
			if (value == null) {
				throw ExportedRecord.refused("entry " + e.index() + " (line " + e.line() + ") holds findings this"
						+ " export does not open");
			}
			try {
				fold.apply(RecordedFindings.read(value));
			}
			catch (IllegalArgumentException ex) {
				throw ExportedRecord.refused("the findings of entry " + e.index() + " (line " + e.line()
						+ ") cannot be read: " + ex.getMessage());
			}
			any |= agreementId.equals(e.subject());
		}
		if (!fold.reportIds.isEmpty() && !any) {
			throw ExportedRecord.refused("the log holds reports but no findings of agreement " + agreementId
					+ " (findings are logged as findings-recorded entries since issue 17; a log begun before holds"
					+ " none, and its findings cannot be rebuilt from an export)");
		}
		return fold;
	}

	/**
	 * One incident as staff see it, with its most serious finding under the agreement, as
	 * the live bulletin derives it from the stored findings.
	 */
	private static BulletinInputs.IncidentFacts facts(RecordedIncident i, List<RecordedFinding> fs) {
		Outcome worst = null;
		Set<String> possible = new LinkedHashSet<>(i.possiblePerpetrators());
		Set<String> zones = new LinkedHashSet<>();
		List<RecordedFinding> ordered = new ArrayList<>(fs);
		ordered.sort(STORE_ORDER);
		for (RecordedFinding f : ordered) {
			if (worst == null || f.outcome().severity() > worst.severity()) {
				worst = f.outcome();
			}
			if (f.finding("", i.id()) instanceof Finding.Violation v && !v.attributed()) {
				possible.addAll(v.possiblePerpetrators());
			}
			zones.addAll(f.zoneIds());
		}
		return new BulletinInputs.IncidentFacts(i.id(), i.start(), i.eventType(), i.equipment(), List.copyOf(zones),
				false, possible.isEmpty() ? i.actorId() : null, List.copyOf(possible), worst, i.latitude(),
				i.longitude());
	}

	/**
	 * The findings store's order within an incident: term, then view, both descending.
	 */
	private static final Comparator<RecordedFinding> STORE_ORDER = Comparator
		.comparing(RecordedFinding::termId, Comparator.reverseOrder())
		.thenComparing((RecordedFinding f) -> f.viewId() == null ? "" : f.viewId(), Comparator.reverseOrder());

	/**
	 * The compliance clock at {@code at}, as ComputingClock gives it from the store: the
	 * agreement's violations and undetermined findings, each with the report it is kept
	 * under (a finding kept under an incident's own id, not a report's, has none and is
	 * left out, as there).
	 */
	private static ComplianceClock.State clock(List<Agreement> versions, Fold fold, String agreementId, Instant at) {
		Agreement inForce = versions.get(0);
		for (Agreement a : versions) {
			if (!a.inForceFrom().isAfter(at)) {
				inForce = a;
			}
		}
		if (inForce.clock() == null) {
			return null;
		}
		Comparator<Map.Entry<RecordedIncident, RecordedFinding>> storeOrder = Comparator
			.comparing((Map.Entry<RecordedIncident, RecordedFinding> e) -> e.getKey().start(),
					Comparator.reverseOrder())
			.thenComparing(e -> e.getKey().id(), Comparator.reverseOrder())
			.thenComparing(e -> e.getValue(), STORE_ORDER);
		List<ComplianceClock.Judged> judged = new ArrayList<>();
		for (Outcome outcome : List.of(Outcome.VIOLATION, Outcome.UNDETERMINED)) {
			List<Map.Entry<RecordedIncident, RecordedFinding>> of = new ArrayList<>();
			fold.findings.getOrDefault(agreementId, Map.of()).forEach((id, fs) -> {
				RecordedIncident i = fold.incidents.get(id);
				if (i == null || !fold.reportIds.contains(id) || i.start().isAfter(at)) {
					return;
				}
				fs.stream().filter(f -> f.outcome() == outcome).forEach(f -> of.add(Map.entry(i, f)));
			});
			of.sort(storeOrder);
			of.forEach(e -> judged.add(new ComplianceClock.Judged(e.getValue().finding(agreementId, e.getKey().id()),
					incident(e.getKey()))));
		}
		List<Dispute.View> views = new ArrayList<>();
		inForce.disputes().forEach(d -> views.add(d.views().get(0)));
		return ComplianceClock.stateAt(inForce, judged, at, views);
	}

	/** The incident as far as the clock reads it: id, event type, interval, deaths. */
	private static Incident incident(RecordedIncident i) {
		Casualties casualties = new Casualties(i.deaths() == null ? null : new Estimate(null, i.deaths(), null), null,
				null, null, null);
		return new Incident(i.id(), List.of(i.id()), List.of(), EventType.valueOf(i.eventType()),
				new TimeSpan(i.start(), i.end(), TimePrecision.EXACT), new Location(i.latitude(), i.longitude(),
						LocationPrecision.EXACT, i.uncertaintyMetres(), null, null, null),
				null, null, casualties);
	}

}
