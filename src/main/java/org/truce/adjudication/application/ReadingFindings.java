package org.truce.adjudication.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.Reason;
import org.truce.adjudication.model.ReasonCode;
import org.truce.adjudication.model.StoredFinding;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Incident;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;

/**
 * Every read of findings, cut to what its reader may see, by the rules of
 * {@link ReadingReports}. A finding says nothing its reader may not know:
 * <ul>
 * <li><b>Which reports it used.</b> A stored finding was computed from every report of
 * its incident. A reader is given it only when it may see every one of them. Of an
 * incident it sees only in part, it is given the findings computed now from the reports
 * it sees (as {@link ReadingIncidents} works out the incident's place, time and
 * attribution from them), under the id of the first of those reports it sees: what it
 * gets is what it would get if the reports it may not see did not exist. Lists, pages,
 * counts, map outcomes and exports all read through here, so none of them counts a
 * finding the reader is not given.</li>
 * <li><b>Exact places.</b> When any report of the incident (of those the finding used) is
 * one whose place the reader sees only coarsened (its reporter is at risk), the reasons
 * found from the exact place (distances to a zone's edge, the control areas around it)
 * and the zones it lies in are withheld ({@link ReasonCode#LOCATION_WITHHELD}), and a
 * zone filter leaves the incident out: they would place it more closely than the grid
 * cell the reader is shown.</li>
 * <li><b>Notified places.</b> Readers other than monitors and co-chairs get reasons about
 * notified sites and movements without the place's id or kind, the distance or the
 * uncertainty: only whether the incident lay surely or possibly within the alert distance
 * of one ({@link #withoutProtectedPlaces}). The public may not see notified places at
 * all, and distances from incidents whose points it knows would place them.</li>
 * <li><b>Sources.</b> A reader who may not see sources gets no external ids.</li>
 * </ul>
 *
 * <p>
 * The outcome itself is kept: for a term limited to zones it still says whether the
 * place, with its reported uncertainty, lay inside them, which is no finer than the zones
 * themselves.
 */
@Service
public class ReadingFindings {

	static final Reason WITHHELD = Reason.of(ReasonCode.LOCATION_WITHHELD,
			"The reporter is at risk: the reasoning that used the exact place is withheld from this reader.");

	/**
	 * Newest incident first, then by incident id, term and view, all descending: the
	 * store's order.
	 */
	private static final Comparator<StoredFinding> ORDER = Comparator
		.comparing(StoredFinding::incidentStart, Comparator.reverseOrder())
		.thenComparing((StoredFinding s) -> s.finding().key().incidentId(), Comparator.reverseOrder())
		.thenComparing((StoredFinding s) -> s.finding().key().termId(), Comparator.reverseOrder())
		.thenComparing((StoredFinding s) -> view(s), Comparator.reverseOrder());

	private final Findings findings;

	private final ReadingReports reports;

	private final IncidentDirectory directory;

	private final ReadingIncidents incidents;

	private final AdjudicatingIncidents adjudicating;

	public ReadingFindings(Findings findings, ReadingReports reports, IncidentDirectory directory,
			ReadingIncidents incidents, AdjudicatingIncidents adjudicating) {
		this.findings = findings;
		this.reports = reports;
		this.directory = directory;
		this.incidents = incidents;
		this.adjudicating = adjudicating;
	}

	/** One page of the findings the reader may see, as it may see them. */
	public Findings.Page find(FindingQuery q, Viewer viewer) {
		ReportQuery.Scope scope = this.reports.scope(viewer);
		Findings.Page page = this.findings.find(q.withScope(scope));
		if (viewer.seesSources()) {
			return page;
		}
		List<SeenInPart> partly = seenInPart(q.agreementId(), q.incidentId(), scope, viewer);
		Map<String, List<UUID>> used = new HashMap<>();
		List<StoredFinding> extra = new ArrayList<>();
		for (SeenInPart p : partly) {
			used.put(p.id(), p.reportIds());
			boolean coarsened = !p.coarsened().isEmpty();
			p.findings().stream().filter(s -> matches(s, q, coarsened)).forEach(extra::add);
		}
		extra.sort(ORDER);
		List<StoredFinding> merged = merge(page.findings(), extra);
		boolean more = page.next() != null || merged.size() > q.limit();
		List<StoredFinding> shown = merged.size() > q.limit() ? merged.subList(0, q.limit()) : merged;
		FindingQuery.Cursor next = null;
		if (more && !shown.isEmpty()) {
			StoredFinding last = shown.get(shown.size() - 1);
			next = new FindingQuery.Cursor(last.incidentStart(), last.finding().key().incidentId(),
					last.finding().key().termId(), last.finding().key().viewId());
		}
		return new Findings.Page(cut(shown, viewer, used), next);
	}

	/**
	 * How many findings of each outcome there are under the agreement, of those the
	 * reader is given.
	 */
	public Map<Outcome, Long> countByOutcome(String agreementId, Viewer viewer) {
		ReportQuery.Scope scope = this.reports.scope(viewer);
		Map<Outcome, Long> counts = new EnumMap<>(this.findings.countByOutcome(agreementId, scope));
		if (!viewer.seesSources()) {
			for (SeenInPart p : seenInPart(agreementId, null, scope, viewer)) {
				p.findings()
					.stream()
					.filter(s -> s.finding().key().agreementId().equals(agreementId))
					.forEach(s -> counts.merge(s.finding().outcome(), 1L, Long::sum));
			}
		}
		return counts;
	}

	/**
	 * The most serious outcome of every incident the reader may see under the agreement,
	 * of the findings it is given.
	 */
	public Map<String, Outcome> worstOutcomeByIncident(String agreementId, Viewer viewer) {
		return worstOutcomeByIncident(agreementId, viewer, Integer.MAX_VALUE);
	}

	/**
	 * As {@link #worstOutcomeByIncident(String, Viewer)}, the first {@code limit}
	 * incidents by id.
	 */
	public Map<String, Outcome> worstOutcomeByIncident(String agreementId, Viewer viewer, int limit) {
		ReportQuery.Scope scope = this.reports.scope(viewer);
		Map<String, Outcome> worst = new TreeMap<>(this.findings.worstOutcomeByIncident(agreementId, scope, limit));
		if (!viewer.seesSources()) {
			for (SeenInPart p : seenInPart(agreementId, null, scope, viewer)) {
				p.findings()
					.stream()
					.filter(s -> s.finding().key().agreementId().equals(agreementId))
					.forEach(s -> worst.merge(p.id(), s.finding().outcome(), ReadingFindings::worse));
			}
		}
		Map<String, Outcome> first = new LinkedHashMap<>();
		worst.entrySet().stream().limit(limit).forEach(e -> first.put(e.getKey(), e.getValue()));
		return first;
	}

	private static Outcome worse(Outcome a, Outcome b) {
		return a.severity() >= b.severity() ? a : b;
	}

	/**
	 * An incident the reader sees only in part, and its findings computed from the
	 * reports it sees.
	 *
	 * @param id the id it is shown under: its first report's, if the reader may see it,
	 * else the first report the reader may see
	 * @param reportIds the reports the reader may see
	 * @param coarsened those of them whose place the reader sees only coarsened
	 * @param findings its findings, as computed from them
	 */
	private record SeenInPart(String id, List<UUID> reportIds, List<Report> coarsened, List<StoredFinding> findings) {

	}

	/**
	 * The incidents (with findings under the agreement, or any agreement) that the reader
	 * sees only in part; with {@code incidentId}, only the one shown under that id.
	 */
	private List<SeenInPart> seenInPart(String agreementId, String incidentId, ReportQuery.Scope scope, Viewer viewer) {
		List<UUID> candidates = new ArrayList<>();
		if (incidentId != null) {
			try {
				this.directory.current(UUID.fromString(incidentId)).ifPresent(r -> candidates.add(r.id()));
			}
			catch (IllegalArgumentException ex) {
				return List.of();
			}
		}
		else {
			this.findings.incidentsSeenInPart(agreementId, scope).forEach(id -> candidates.add(UUID.fromString(id)));
		}
		List<SeenInPart> out = new ArrayList<>();
		for (UUID candidate : candidates) {
			Optional<ReadingIncidents.IncidentView> found = this.incidents.incident(candidate, viewer);
			if (found.isEmpty()) {
				continue;
			}
			ReadingIncidents.IncidentView view = found.get();
			List<UUID> seen = view.reports().stream().map(Report::id).toList();
			if (this.incidents.seesWhole(view)) {
				continue;
			}
			String id = view.shownId().toString();
			if (incidentId != null && !incidentId.equals(id)) {
				continue;
			}
			Incident i = view.incident();
			Incident shown = new Incident(id, i.reportIds(), i.externalIds(), i.eventType(), i.when(), i.where(),
					i.actor(), i.target(), i.casualties(), i.attribution(), i.whoActed(), i.equipment());
			List<Report> coarsened = view.reports()
				.stream()
				.filter(r -> r.flags().contains(DataFlag.LOCATION_COARSENED))
				.toList();
			out.add(new SeenInPart(id, seen, coarsened, this.adjudicating.judgeUnkept(shown)));
		}
		return out;
	}

	/**
	 * Whether a finding computed now passes the query's filters, as the store applies
	 * them to stored ones, and comes after its cursor.
	 */
	private static boolean matches(StoredFinding s, FindingQuery q, boolean coarsened) {
		Finding.Key k = s.finding().key();
		if ((q.agreementId() != null && !q.agreementId().equals(k.agreementId()))
				|| (q.termId() != null && !q.termId().equals(k.termId()))
				|| (q.actorId() != null && !q.actorId().equals(s.actorId()))
				|| (q.possiblePerpetratorId() != null && s.roleOf(q.possiblePerpetratorId()) == null)
				|| (q.outcome() != null && q.outcome() != s.finding().outcome())
				|| (q.zoneId() != null && (coarsened || !s.zoneIds().contains(q.zoneId())))
				|| (q.from() != null && s.incidentEnd().isBefore(q.from()))
				|| (q.to() != null && s.incidentStart().isAfter(q.to()))) {
			return false;
		}
		FindingQuery.Cursor c = q.after();
		if (c == null) {
			return true;
		}
		StoredFinding at = new StoredFinding(
				new Finding.NoViolation(new Finding.Key(c.incidentId(), "", 0, c.termId(), c.viewId()), List.of()),
				null, null, null, c.incidentStart(), c.incidentStart(), null);
		return ORDER.compare(s, at) > 0;
	}

	/**
	 * The two lists, each in the store's order, as one. Their findings are about
	 * different incidents, so only the incident's start and id decide between them
	 * (within one incident each list keeps its own order).
	 */
	private static List<StoredFinding> merge(List<StoredFinding> stored, List<StoredFinding> computed) {
		if (computed.isEmpty()) {
			return stored;
		}
		Comparator<StoredFinding> byIncident = Comparator
			.comparing(StoredFinding::incidentStart, Comparator.reverseOrder())
			.thenComparing((StoredFinding s) -> s.finding().key().incidentId(), Comparator.reverseOrder());
		List<StoredFinding> out = new ArrayList<>(stored.size() + computed.size());
		int i = 0;
		int j = 0;
		while (i < stored.size() || j < computed.size()) {
			if (j == computed.size()
					|| (i < stored.size() && byIncident.compare(stored.get(i), computed.get(j)) <= 0)) {
				out.add(stored.get(i++));
			}
			else {
				out.add(computed.get(j++));
			}
		}
		return out;
	}

	private static String view(StoredFinding s) {
		return s.finding().key().viewId() == null ? "" : s.finding().key().viewId();
	}

	/**
	 * The findings as the reader may see them; {@code used} gives the reports of the
	 * incidents seen in part (the others used every report of their incident).
	 */
	private List<StoredFinding> cut(List<StoredFinding> found, Viewer viewer, Map<String, List<UUID>> used) {
		Map<String, List<UUID>> reportsOf = new LinkedHashMap<>();
		for (StoredFinding s : found) {
			String incident = s.finding().key().incidentId();
			reportsOf.computeIfAbsent(incident,
					id -> used.containsKey(id) ? used.get(id) : this.directory.reportIdsOf(UUID.fromString(id)));
		}
		List<UUID> all = reportsOf.values().stream().flatMap(Collection::stream).distinct().toList();
		Set<UUID> coarsenedReports = this.reports.coarsenedAmong(all, this.reports.redaction(viewer));
		List<StoredFinding> out = new ArrayList<>(found.size());
		for (StoredFinding s : found) {
			boolean placeWithheld = reportsOf.get(s.finding().key().incidentId())
				.stream()
				.anyMatch(coarsenedReports::contains);
			Finding f = withoutProtectedPlaces(placeWithheld ? withoutPlace(s.finding()) : s.finding());
			out.add(s.shown(f, placeWithheld ? List.of() : s.zoneIds(), List.of()));
		}
		return out;
	}

	/**
	 * The finding with every reason found from the exact place replaced by one saying so.
	 */
	static Finding withoutPlace(Finding f) {
		List<Reason> reasons = new ArrayList<>();
		for (Reason r : f.reasons()) {
			if (!r.code().usesPlace()) {
				reasons.add(r);
			}
			else if (!reasons.contains(WITHHELD)) {
				reasons.add(WITHHELD);
			}
		}
		return withReasons(f, reasons);
	}

	/**
	 * The finding with every reason naming a notified site or movement (its id, kind, and
	 * distance from the incident) replaced by one that says only whether the incident lay
	 * surely or possibly within the alert distance of one: for a reader who may not see
	 * where the notified places are. Distances from incidents whose points the reader
	 * knows would place a site by trilateration; the alert distance is configuration, and
	 * the outcome says as much.
	 */
	static Finding withoutProtectedPlaces(Finding f) {
		if (f.reasons().stream().noneMatch(r -> NOTIFIED_PLACE.contains(r.code()))) {
			return f;
		}
		List<Reason> reasons = new ArrayList<>();
		for (Reason r : f.reasons()) {
			reasons.add(NOTIFIED_PLACE.contains(r.code()) ? withoutProtectedPlace(r) : r);
		}
		return withReasons(f, reasons);
	}

	private static final Set<ReasonCode> NOTIFIED_PLACE = Set.of(ReasonCode.TARGET_HUMANITARIAN,
			ReasonCode.TARGET_POSSIBLY_HUMANITARIAN);

	private static Reason withoutProtectedPlace(Reason r) {
		Map<String, String> data = new LinkedHashMap<>();
		String threshold = r.data().get("thresholdMetres");
		String ifActed = r.data().get("ifActed");
		if (r.data().containsKey("proximity")) {
			data.put("proximity", r.data().get("proximity"));
		}
		if (threshold != null) {
			data.put("thresholdMetres", threshold);
		}
		if (ifActed != null) {
			data.put("ifActed", ifActed);
		}
		data.put("placeWithheld", "true");
		String within = (r.code() == ReasonCode.TARGET_HUMANITARIAN ? "The incident lies within "
				: "The incident is possibly within ") + (threshold == null ? "the alert distance" : threshold + " m")
				+ " of a notified humanitarian site or movement; which one, and how far, is withheld from this reader.";
		return new Reason(r.code(), (ifActed == null ? "" : "If " + ifActed + " acted: ") + within, data);
	}

	private static Finding withReasons(Finding f, List<Reason> reasons) {
		if (f instanceof Finding.Violation) {
			return new Finding.Violation(f.key(), reasons);
		}
		if (f instanceof Finding.NoViolation) {
			return new Finding.NoViolation(f.key(), reasons);
		}
		return new Finding.Undetermined(f.key(), ((Finding.Undetermined) f).missing(), reasons);
	}

}
