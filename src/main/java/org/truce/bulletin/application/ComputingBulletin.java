package org.truce.bulletin.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.adjudication.application.ComputingClock;
import org.truce.adjudication.application.ReadingFindings;
import org.truce.adjudication.application.Findings;
import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.ReasonCode;
import org.truce.adjudication.model.StoredFinding;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinInputs;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.bulletin.model.Bulletins;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ReadingAlerts;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.humanitarian.application.AccessReader;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ListingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Incident;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.EventType;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * Computes a bulletin for a reader: gathers its inputs from the stores, cut to that
 * reader exactly as the API cuts every read (the findings through
 * {@link ReadingFindings}, the incidents through {@link ListingIncidents}), then calls
 * the pure {@link Bulletins#compute}. The public's bulletin is
 * {@code compute(query, Viewer.PUBLIC)}.
 */
@Service
public class ComputingBulletin {

	/** The longest period a bulletin covers, in days. */
	public static final int MAX_DAYS = 366;

	private final AgreementCatalogue agreements;

	private final ReadingFindings findings;

	private final ListingIncidents listing;

	private final ComputingClock clock;

	private final ScenarioZone zone;

	private final ReadingIncidents incidents;

	private final ReadingReports reports;

	private final RequestingInformation rfis;

	private final Notifying notifying;

	private final ReadingAlerts alerts;

	private final RequestingAccess access;

	public ComputingBulletin(AgreementCatalogue agreements, ReadingFindings findings, ListingIncidents listing,
			ComputingClock clock, ScenarioZone zone, ReadingIncidents incidents, RequestingInformation rfis,
			Notifying notifying, ReadingAlerts alerts, RequestingAccess access, ReadingReports reports) {
		this.agreements = agreements;
		this.findings = findings;
		this.listing = listing;
		this.clock = clock;
		this.zone = zone;
		this.incidents = incidents;
		this.rfis = rfis;
		this.notifying = notifying;
		this.alerts = alerts;
		this.access = access;
		this.reports = reports;
	}

	/** The bulletin as the reader may see it. */
	public Bulletin compute(BulletinQuery query, Viewer reader) {
		return Bulletins.compute(query, inputs(query, reader));
	}

	/**
	 * The inputs of the bulletin, cut to the reader.
	 * @throws RejectedException when the agreement is unknown, or the period ends before
	 * it starts, is longer than {@link #MAX_DAYS}, or lies wholly outside the agreement's
	 * life; or a filter names no zone of the agreement or no event type
	 */
	public BulletinInputs inputs(BulletinQuery query, Viewer reader) {
		Agreement agreement = validate(query);
		ZoneId tz = this.zone.zone();
		Instant end = query.to().plusDays(1).atStartOfDay(tz).toInstant();
		Instant previousStart = query.previous().from().atStartOfDay(tz).toInstant();
		BulletinInputs.AgreementFacts facts = BulletinInputs.AgreementFacts.of(agreement, tz);
		List<BulletinInputs.IncidentFacts> incidents = incidents(agreement.id(), previousStart, end, reader);
		ComplianceClock.State state = null;
		String clockNote = null;
		if (agreement.clock() == null) {
			clockNote = "The agreement has no compliance clock.";
		}
		else if (!reader.staff()) {
			clockNote = "The compliance clock is judged over the whole record: only monitors and co-chairs see it.";
		}
		else {
			Instant at = end.minusMillis(1);
			if (this.agreements.inForceAt(agreement.id(), at).isPresent()) {
				state = this.clock.stateAt(agreement.id(), at);
			}
			else {
				clockNote = "No version of the agreement is in force at the end of the period.";
			}
		}
		Instant start = query.from().atStartOfDay(tz).toInstant();
		return new BulletinInputs(facts, readerName(reader), incidents, state, clockNote,
				rfis(agreement.id(), start, end, reader), notifications(start, end, reader), alerts(start, end, reader),
				accessRequests(start, end, reader));
	}

	/** Every row a store is asked for at most, where the bulletin reads a table whole. */
	static final int ALL = 1_000_000;

	/**
	 * The requests for information sent in [start, end) that the reader may read
	 * ({@code GET /api/rfis}'s rule: staff all, a liaison those addressed to its side,
	 * the public none), about an incident that the reader may see with a finding under
	 * the agreement.
	 */
	private List<BulletinInputs.RfiFacts> rfis(String agreementId, Instant start, Instant end, Viewer reader) {
		RfiReader rfiReader = new RfiReader(reader.userId(), reader.staff(), reader.sideActorIds());
		if (!reader.staff() && reader.sideActorIds().isEmpty()) {
			return List.of();
		}
		List<RequestForInformation> sent = this.rfis.list(null, null, rfiReader, ALL)
			.stream()
			.filter(r -> !r.requestedAt().isBefore(start) && r.requestedAt().isBefore(end))
			.toList();
		if (sent.isEmpty()) {
			return List.of();
		}
		Set<String> underAgreement = this.findings.worstOutcomeByIncident(agreementId, reader).keySet();
		List<BulletinInputs.RfiFacts> out = new ArrayList<>();
		for (RequestForInformation r : sent) {
			boolean about = this.incidents.byId(r.incidentId(), reader)
				.map(v -> underAgreement.contains(v.shownId().toString())
						|| underAgreement.contains(v.record().id().toString()))
				.orElse(false);
			if (about) {
				out.add(new BulletinInputs.RfiFacts(r.id().toString(), r.party(), r.requestedBySide(), r.requestedAt(),
						r.deadline(), r.answer() == null ? null : r.answer().at()));
			}
		}
		return out;
	}

	/**
	 * The notifications notified (asserted time) in [start, end) that the reader may read
	 * ({@code GET /api/notifications}'s rule: staff all, a liaison those delivered to its
	 * side, the public none), with the acknowledgments of the parties the reader may know
	 * of: every party for staff, its side's for a liaison. A notifier is read as the
	 * reader its grants make of it otherwise (its own notifications are not added).
	 */
	private List<BulletinInputs.NotificationFacts> notifications(Instant start, Instant end, Viewer reader) {
		DeconflictionReader by = deconflictionReader(reader);
		if (!reader.staff() && reader.sideActorIds().isEmpty()) {
			return List.of();
		}
		List<BulletinInputs.NotificationFacts> out = new ArrayList<>();
		for (NotificationHistory h : this.notifying.list(by, true, ALL)) {
			Notification n = h.notification();
			Instant at = n.notifiedAsAsserted();
			if (at.isBefore(start) || !at.isBefore(end)) {
				continue;
			}
			Map<String, Instant> acks = new TreeMap<>();
			for (String party : n.parties()) {
				if (reader.staff() || reader.sideActorIds().contains(party)) {
					acks.put(party, h.acknowledgment(party).map(Acknowledgment::acknowledgedAt).orElse(null));
				}
			}
			out.add(new BulletinInputs.NotificationFacts(n.id().toString(), n.kind().name(), at,
					java.util.Collections.unmodifiableMap(acks)));
		}
		return out;
	}

	/**
	 * The proximity alerts about incidents that started in [start, end) that the reader
	 * gets from {@code GET /api/alerts}, read as a monitor (alerts about declared
	 * positions, which only co-chairs and the declaring side see, are left out for staff)
	 * or as a liaison.
	 */
	private List<BulletinInputs.AlertFacts> alerts(Instant start, Instant end, Viewer reader) {
		DeconflictionReader by = deconflictionReader(reader);
		if (!reader.staff() && reader.sideActorIds().isEmpty()) {
			return List.of();
		}
		List<BulletinInputs.AlertFacts> out = new ArrayList<>();
		this.alerts.after(new java.util.UUID(0, 0), by, a -> {
			if (a.incidentStart() != null && !a.incidentStart().isBefore(start) && a.incidentStart().isBefore(end)) {
				out.add(new BulletinInputs.AlertFacts(a.id().toString(), a.incidentStart(),
						a.placeKind() == null ? null : a.placeKind().name(), a.proximity().name()));
			}
		});
		return out;
	}

	/**
	 * The access requests recorded in [start, end) that the reader may read
	 * ({@code GET /api/access-requests}'s rule: staff all, a liaison those concerning its
	 * side, the public none), with the decisions of the parties the reader may know of:
	 * every party for staff, its side's for a liaison.
	 */
	private List<BulletinInputs.AccessFacts> accessRequests(Instant start, Instant end, Viewer reader) {
		if (!reader.staff() && reader.sideActorIds().isEmpty()) {
			return List.of();
		}
		AccessReader by = new AccessReader(reader.userId(), reader.staff(), false, reader.sideActorIds());
		List<BulletinInputs.AccessFacts> out = new ArrayList<>();
		for (AccessRequest r : this.access.list(by, ALL)) {
			if (r.requestedAt().isBefore(start) || !r.requestedAt().isBefore(end)) {
				continue;
			}
			List<BulletinInputs.AccessFacts.Decision> decisions = new ArrayList<>();
			for (AccessDecision d : r.parties()) {
				if (reader.staff() || reader.sideActorIds().contains(d.party())) {
					decisions.add(new BulletinInputs.AccessFacts.Decision(d.party(),
							d.verdict() == null ? null : d.verdict().name(),
							d.verdict() == null ? null : (d.asserted() == null ? d.decidedAt() : d.asserted().at())));
				}
			}
			out.add(new BulletinInputs.AccessFacts(r.id().toString(), r.requestedAt(), r.from(), decisions,
					r.outcome() == null ? null : r.outcome().kind().name()));
		}
		return out;
	}

	private static DeconflictionReader deconflictionReader(Viewer reader) {
		return new DeconflictionReader(reader.userId(), reader.staff(), false, false, reader.sideActorIds(), List.of());
	}

	/** The name of the reader's cut, as the bulletin states it. */
	public static String readerName(Viewer reader) {
		return switch (reader.reach()) {
			case FULL -> "staff";
			case SIDE -> "side";
			case PUBLISHED -> "public";
		};
	}

	private Agreement validate(BulletinQuery query) {
		Agreement agreement = this.agreements.latest(query.agreementId())
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.UNKNOWN_AGREEMENT, "agreement", query.agreementId())));
		Instant life = this.agreements.versions(agreement.id())
			.stream()
			.map(a -> a.effective().start())
			.min(Instant::compareTo)
			.orElse(agreement.effective().start());
		validate(query, agreement, life, this.zone.zone());
		return agreement;
	}

	/**
	 * Refuses a query that no bulletin of this agreement answers: days out of range, a
	 * period that ends before it starts, is too long or lies outside the agreement's life
	 * (from {@code life}, its first version's start, to its end), an unknown zone or
	 * event type. The live bulletin and the one replayed from a ledger export judge
	 * alike.
	 */
	static void validate(BulletinQuery query, Agreement agreement, Instant life, ZoneId tz) {
		for (java.time.LocalDate day : List.of(query.from(), query.to())) {
			if (day.getYear() < 1 || day.getYear() > 9999) {
				throw new RejectedException(
						Problem.keyed(ErrorCode.BULLETIN_PERIOD_INVALID, day == query.from() ? "from" : "to", "years"));
			}
		}
		if (query.to().isBefore(query.from())) {
			throw new RejectedException(
					Problem.keyed(ErrorCode.BULLETIN_PERIOD_INVALID, "to", "endsBefore", query.to(), query.from()));
		}
		if (ChronoUnit.DAYS.between(query.from(), query.to()) + 1 > MAX_DAYS) {
			throw new RejectedException(Problem.keyed(ErrorCode.BULLETIN_PERIOD_INVALID, "to", "tooLong", MAX_DAYS,
					query.from(), query.to(), ChronoUnit.DAYS.between(query.from(), query.to()) + 1));
		}
		Instant start = query.from().atStartOfDay(tz).toInstant();
		Instant end = query.to().plusDays(1).atStartOfDay(tz).toInstant();
		Instant death = agreement.effective().end();
		if (!end.isAfter(life) || (death != null && start.isAfter(death))) {
			throw new RejectedException(death == null
					? Problem.keyed(ErrorCode.BULLETIN_PERIOD_OUTSIDE_AGREEMENT, "from", "inForce", query.from(),
							query.to(), tz.getId(), agreement.id(), life)
					: Problem.keyed(ErrorCode.BULLETIN_PERIOD_OUTSIDE_AGREEMENT, "from", "ended", query.from(),
							query.to(), tz.getId(), agreement.id(), life, death));
		}
		if (query.zoneId() != null && agreement.zone(query.zoneId()).isEmpty()) {
			throw new RejectedException(
					Problem.keyed(ErrorCode.INVALID_QUERY, "zone", "zone", agreement.id(), query.zoneId()));
		}
		if (query.eventType() != null) {
			try {
				EventType.valueOf(query.eventType());
			}
			catch (IllegalArgumentException ex) {
				throw new RejectedException(Problem.with(ErrorCode.UNKNOWN_EVENT_TYPE, "type", query.eventType()));
			}
		}
	}

	/**
	 * The incidents the reader may see whose reports fall in [from, to), with their
	 * findings under the agreement as the reader is given them. The list of incidents is
	 * {@code GET /api/incidents}'s; the findings are {@code GET /api/findings}'s.
	 */
	private List<BulletinInputs.IncidentFacts> incidents(String agreementId, Instant from, Instant to, Viewer reader) {
		Map<String, List<StoredFinding>> byIncident = new HashMap<>();
		FindingQuery.Cursor cursor = null;
		do {
			Findings.Page page = this.findings
				.find(new FindingQuery(agreementId, null, null, null, null, null, from, to, cursor, 1000), reader);
			for (StoredFinding s : page.findings()) {
				byIncident.computeIfAbsent(s.finding().key().incidentId(), k -> new ArrayList<>()).add(s);
			}
			cursor = page.next();
		}
		while (cursor != null);
		List<BulletinInputs.IncidentFacts> out = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		Instant before = null;
		do {
			ListingIncidents.Page page = this.listing.page(from, to.minusMillis(1), before, 500, reader);
			for (ReadingIncidents.IncidentView view : page.incidents()) {
				String id = view.shownId().toString();
				String recordId = view.record().id().toString();
				if (!seen.add(id)) {
					continue;
				}
				seen.add(recordId);
				Incident i = view.incident();
				if (i.when().start().isBefore(from) || !i.when().start().isBefore(to)) {
					continue;
				}
				List<StoredFinding> fs = byIncident.containsKey(id) ? byIncident.get(id)
						: byIncident.getOrDefault(recordId, List.of());
				out.add(facts(id, i, fs));
			}
			before = page.next();
		}
		while (before != null);
		// Findings of incidents the list does not hold (a report not yet placed in an
		// incident is judged as an incident of its own): read as the reader reads that
		// report.
		for (Map.Entry<String, List<StoredFinding>> e : byIncident.entrySet()) {
			if (seen.contains(e.getKey())) {
				continue;
			}
			Instant start = e.getValue().get(0).incidentStart();
			if (start.isBefore(from) || !start.isBefore(to)) {
				continue;
			}
			try {
				this.reports.byId(UUID.fromString(e.getKey()), reader)
					.ifPresent(r -> out.add(facts(e.getKey(), Incident.ofReport(r), e.getValue())));
			}
			catch (IllegalArgumentException ex) {
				// not a report's id: nothing the reader could read
			}
		}
		return out;
	}

	private static BulletinInputs.IncidentFacts facts(String id, Incident i, List<StoredFinding> fs) {
		Outcome worst = null;
		String actor = null;
		Set<String> possible = new LinkedHashSet<>();
		Set<String> zones = new LinkedHashSet<>();
		boolean withheld = false;
		for (StoredFinding s : fs) {
			Finding f = s.finding();
			if (worst == null || f.outcome().severity() > worst.severity()) {
				worst = f.outcome();
			}
			if (s.actorId() != null) {
				actor = s.actorId();
			}
			possible.addAll(s.possiblePerpetrators());
			if (f instanceof Finding.Violation v && !v.attributed()) {
				possible.addAll(v.possiblePerpetrators());
			}
			zones.addAll(s.zoneIds());
			withheld |= f.reasons().stream().anyMatch(r -> r.code() == ReasonCode.LOCATION_WITHHELD);
		}
		if (fs.isEmpty()) {
			possible.addAll(i.possiblePerpetratorIds());
			actor = i.knownActorId();
		}
		return new BulletinInputs.IncidentFacts(id, i.when().start(), i.eventType().name(),
				i.equipment() == null ? null : i.equipment().name(), withheld ? List.of() : List.copyOf(zones),
				withheld, possible.isEmpty() ? actor : null, List.copyOf(possible), worst, i.where().latitude(),
				i.where().longitude());
	}

}
