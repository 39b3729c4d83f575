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
import org.truce.agreement.model.Zone;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinInputs;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.bulletin.model.Bulletins;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ListingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Incident;
import org.truce.report.model.EventType;
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

	public ComputingBulletin(AgreementCatalogue agreements, ReadingFindings findings, ListingIncidents listing,
			ComputingClock clock, ScenarioZone zone) {
		this.agreements = agreements;
		this.findings = findings;
		this.listing = listing;
		this.clock = clock;
		this.zone = zone;
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
		Map<String, String> zones = new TreeMap<>();
		for (Zone z : agreement.zones()) {
			zones.put(z.id(), z.name() == null ? z.id() : z.name());
		}
		Map<String, List<String>> sides = new TreeMap<>();
		agreement.sides().forEach((side, actors) -> sides.put(side, actors.stream().sorted().toList()));
		BulletinInputs.AgreementFacts facts = new BulletinInputs.AgreementFacts(agreement.id(), agreement.title(), tz,
				agreement.effective().start(), agreement.effective().end(), sides, zones);
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
		return new BulletinInputs(facts, readerName(reader), incidents, state, clockNote, List.of(), List.of(),
				List.of(), List.of());
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
			.orElseThrow(() -> new RejectedException(new Problem(ErrorCode.UNKNOWN_AGREEMENT, "agreement",
					ErrorCode.UNKNOWN_AGREEMENT.format(query.agreementId()))));
		if (query.to().isBefore(query.from())) {
			throw new RejectedException(new Problem(ErrorCode.BULLETIN_PERIOD_INVALID, "to",
					"The period ends (" + query.to() + ") before it starts (" + query.from() + ")."));
		}
		if (ChronoUnit.DAYS.between(query.from(), query.to()) + 1 > MAX_DAYS) {
			throw new RejectedException(new Problem(ErrorCode.BULLETIN_PERIOD_INVALID, "to",
					"A bulletin covers at most " + MAX_DAYS + " days; " + query.from() + " to " + query.to() + " is "
							+ (ChronoUnit.DAYS.between(query.from(), query.to()) + 1) + "."));
		}
		ZoneId tz = this.zone.zone();
		Instant start = query.from().atStartOfDay(tz).toInstant();
		Instant end = query.to().plusDays(1).atStartOfDay(tz).toInstant();
		Instant life = this.agreements.versions(agreement.id())
			.stream()
			.map(a -> a.effective().start())
			.min(Instant::compareTo)
			.orElse(agreement.effective().start());
		Instant death = agreement.effective().end();
		if (!end.isAfter(life) || (death != null && start.isAfter(death))) {
			throw new RejectedException(new Problem(ErrorCode.BULLETIN_PERIOD_OUTSIDE_AGREEMENT, "from",
					"The period " + query.from() + " to " + query.to() + " (" + tz.getId()
							+ ") lies outside the life of agreement " + agreement.id() + ", which took effect at "
							+ life + (death == null ? " and is in force." : " and ended at " + death + ".")));
		}
		if (query.zoneId() != null && agreement.zone(query.zoneId()).isEmpty()) {
			throw new RejectedException(new Problem(ErrorCode.INVALID_QUERY, "zone",
					"Agreement " + agreement.id() + " has no zone '" + query.zoneId() + "'."));
		}
		if (query.eventType() != null) {
			try {
				EventType.valueOf(query.eventType());
			}
			catch (IllegalArgumentException ex) {
				throw new RejectedException(new Problem(ErrorCode.UNKNOWN_EVENT_TYPE, "type",
						ErrorCode.UNKNOWN_EVENT_TYPE.format(query.eventType())));
			}
		}
		return agreement;
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
				if (!seen.add(id)) {
					continue;
				}
				Incident i = view.incident();
				if (i.when().start().isBefore(from) || !i.when().start().isBefore(to)) {
					continue;
				}
				List<StoredFinding> fs = byIncident.getOrDefault(id,
						byIncident.getOrDefault(view.record().id().toString(), List.of()));
				out.add(facts(id, i, fs));
			}
			before = page.next();
		}
		while (before != null);
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
			List<String> ids = i.whoActed().known() ? List.of()
					: i.whoActed()
						.possible(i.actor(), i.target())
						.stream()
						.map(a -> a.actorId())
						.filter(a -> a != null)
						.distinct()
						.toList();
			possible.addAll(ids);
			actor = i.whoActed().known() && i.actor() != null ? i.actor().actorId() : null;
		}
		return new BulletinInputs.IncidentFacts(id, i.when().start(), i.eventType().name(),
				i.equipment() == null ? null : i.equipment().name(), withheld ? List.of() : List.copyOf(zones),
				withheld, possible.isEmpty() ? actor : null, List.copyOf(possible), worst, i.where().latitude(),
				i.where().longitude());
	}

}
