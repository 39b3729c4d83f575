package org.truce.adjudication.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.adjudication.model.Adjudicator;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.RecordedFindings;
import org.truce.adjudication.model.StoredFinding;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.Protected;
import org.truce.deconfliction.application.ProtectedPlacesIndex;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Incident;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.Reports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * (Re)computes the findings of the record against agreements. Each incident is judged
 * whole (all its reports, and the sides' claims) under the agreement version in force at
 * the start of its interval; a report not yet in an incident is judged as one by itself.
 * Findings are kept under the incident's id. Each write of findings is logged, in the
 * same transaction, as a {@value RecordedFindings#KIND} entry whose one group (staff
 * only) holds what was written ({@link RecordedFindings}), so that the findings can be
 * rebuilt from a ledger export (a bulletin reproduced from one, docs/bulletins.md).
 */
@Service
public class AdjudicatingIncidents {

	private final AgreementCatalogue agreements;

	private final ActorDirectory actors;

	private final Reports reports;

	private final Findings findings;

	private final Incidents incidents;

	private final ReadingIncidents reading;

	private final Clock clock;

	private final ProtectedPlacesIndex places;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private volatile Prepared prepared;

	public AdjudicatingIncidents(AgreementCatalogue agreements, ActorDirectory actors, Reports reports,
			Findings findings, Incidents incidents, ReadingIncidents reading, Clock clock, ProtectedPlacesIndex places,
			Ledger ledger, TransactionTemplate tx) {
		this.ledger = ledger;
		this.tx = tx;
		this.places = places;
		this.incidents = incidents;
		this.reading = reading;
		this.agreements = agreements;
		this.actors = actors;
		this.reports = reports;
		this.findings = findings;
		this.clock = clock;
	}

	/** How one agreement's findings came out. */
	public record Summary(String agreementId, int incidents, Map<Outcome, Integer> outcomes) {

	}

	/** Recomputes every agreement's findings. */
	public List<Summary> all() {
		return this.agreements.all().keySet().stream().sorted().map(this::agreement).toList();
	}

	/**
	 * Recomputes one agreement's findings over the whole record, replacing the old ones.
	 */
	public Summary agreement(String agreementId) {
		List<Agreement> versions = this.agreements.versions(agreementId);
		if (versions.isEmpty()) {
			throw new IllegalArgumentException("no agreement has the id " + agreementId);
		}
		Map<Integer, Adjudicator> byVersion = adjudicators(agreementId);
		Instant from = versions.stream().map(a -> a.effective().start()).min(Instant::compareTo).orElseThrow();
		Instant to = versions.stream().anyMatch(a -> a.effective().end() == null) ? null
				: versions.stream().map(a -> a.effective().end()).max(Instant::compareTo).orElseThrow();
		Instant now = this.clock.instant();
		List<StoredFinding> out = new ArrayList<>();
		Map<Incident, List<StoredFinding>> written = new java.util.LinkedHashMap<>();
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		int incidents = 0;
		ReportQuery query = new ReportQuery(null, null, from, to, null, null, null, false, null, 1000);
		Set<UUID> judged = new HashSet<>();
		while (query != null) {
			ReportPage page = this.reports.find(query);
			for (Incident incident : incidentsOf(page.reports(), judged)) {
				incidents++;
				List<StoredFinding> of = new ArrayList<>();
				for (Finding f : judge(agreementId, byVersion, incident)) {
					of.add(StoredFinding.of(f, incident, now));
					outcomes.merge(f.outcome(), 1, Integer::sum);
				}
				out.addAll(of);
				written.put(incident, of);
			}
			query = page.next() == null ? null : query.withCursor(page.next());
		}
		RecordedFindings recorded = RecordedFindings.of(agreementId, true, List.of(), written);
		this.tx.executeWithoutResult(status -> {
			this.findings.replaceAgreement(agreementId, out);
			log(recorded);
		});
		return new Summary(agreementId, incidents, outcomes);
	}

	/**
	 * The incidents these reports describe, each once over successive calls sharing
	 * {@code judged}: a report alone in no incident, or alone in its own without claims,
	 * is an incident by itself; otherwise the whole incident it belongs to, with all its
	 * reports and the sides' claims.
	 */
	private List<Incident> incidentsOf(List<Report> page, Set<UUID> judged) {
		Map<UUID, UUID> incidentOf = this.incidents.incidentOf(page.stream().map(Report::id).toList());
		Set<UUID> compound = this.incidents.compound(incidentOf.values());
		List<Incident> out = new ArrayList<>();
		for (Report report : page) {
			UUID incident = incidentOf.getOrDefault(report.id(), report.id());
			if (!judged.add(incident)) {
				continue;
			}
			if (compound.contains(incident)) {
				this.reading.whole(incident).ifPresent(out::add);
			}
			else {
				out.add(Incident.ofReport(report));
			}
		}
		return out;
	}

	/**
	 * Judges what these ids now stand for, under every agreement, replacing earlier
	 * findings: an open incident is judged whole, and the findings kept under the ids of
	 * its other reports (from when they stood alone) are dropped; a report in no incident
	 * is judged alone; an id that stands for neither (an incident merged away, a report
	 * now in another's incident) loses its findings.
	 */
	public void rejudge(Collection<UUID> ids) {
		List<Incident> judge = new ArrayList<>();
		Set<String> drop = new LinkedHashSet<>();
		Map<UUID, UUID> incidentOf = this.incidents.incidentOf(ids);
		for (UUID id : ids) {
			Optional<Incident> whole = this.reading.whole(id);
			if (whole.isPresent()) {
				judge.add(whole.get());
				whole.get().reportIds().stream().filter(r -> !r.equals(id.toString())).forEach(drop::add);
				continue;
			}
			UUID incident = incidentOf.get(id);
			if (incident == null) {
				this.reports.byId(id)
					.map(Incident::ofReport)
					.ifPresentOrElse(judge::add, () -> drop.add(id.toString()));
			}
			else if (!incident.equals(id)) {
				drop.add(id.toString());
			}
		}
		judge.forEach(i -> drop.remove(i.id()));
		incidents(judge, drop);
	}

	/**
	 * Judges incidents under every agreement and stores their findings, replacing earlier
	 * ones.
	 */
	public void incidents(List<Incident> incidents) {
		incidents(incidents, Set.of());
	}

	/**
	 * Judges incidents under every agreement and stores their findings, replacing earlier
	 * ones, and drops the findings kept under the ids in {@code forget}.
	 */
	private void incidents(List<Incident> incidents, Set<String> forget) {
		Instant now = this.clock.instant();
		for (String agreementId : this.agreements.all().keySet()) {
			Map<Integer, Adjudicator> byVersion = adjudicators(agreementId);
			Map<String, List<StoredFinding>> found = new java.util.LinkedHashMap<>();
			Map<Incident, List<StoredFinding>> judged = new java.util.LinkedHashMap<>();
			for (Incident incident : incidents) {
				List<StoredFinding> of = judge(agreementId, byVersion, incident).stream()
					.map(f -> StoredFinding.of(f, incident, now))
					.toList();
				found.put(incident.id(), of);
				judged.put(incident, of);
			}
			forget.forEach(id -> found.putIfAbsent(id, List.of()));
			if (found.isEmpty()) {
				continue;
			}
			RecordedFindings recorded = RecordedFindings.of(agreementId, false, List.copyOf(found.keySet()), judged);
			this.tx.executeWithoutResult(status -> {
				this.findings.replaceIncidents(agreementId, found);
				log(recorded);
			});
		}
	}

	/** Logs a write of findings, in the caller's transaction. */
	private void log(RecordedFindings recorded) {
		this.ledger.append(List.of(LedgerEntry.of(RecordedFindings.KIND, recorded.agreementId(), Map.of(),
				Map.of(RecordedFindings.GROUP, recorded.value()))));
	}

	/**
	 * The findings of an incident under every agreement, computed now and kept nowhere:
	 * for an incident as one reader sees it, from the reports it may see.
	 */
	public List<StoredFinding> judgeUnkept(Incident incident) {
		Instant now = this.clock.instant();
		List<StoredFinding> out = new ArrayList<>();
		for (String agreementId : this.agreements.all().keySet().stream().sorted().toList()) {
			judge(agreementId, adjudicators(agreementId), incident)
				.forEach(f -> out.add(StoredFinding.of(f, incident, now)));
		}
		return out;
	}

	private List<Finding> judge(String agreementId, Map<Integer, Adjudicator> byVersion, Incident incident) {
		return this.agreements.inForceAt(agreementId, incident.when().start())
			.map(a -> byVersion.get(a.version())
				.adjudicate(incident,
						a.terms().stream().anyMatch(t -> t.against() == Protected.HUMANITARIAN)
								? this.places.humanitarianNear(incident) : null))
			.orElse(List.of());
	}

	/**
	 * The prepared adjudicators of an agreement's versions, rebuilt only when the
	 * catalogue (its agreements or control map) or the actor registry has changed.
	 */
	private Map<Integer, Adjudicator> adjudicators(String agreementId) {
		Prepared prepared = this.prepared;
		Object registry = this.actors.registry();
		long generation = this.agreements.generation();
		if (prepared == null || prepared.generation() != generation || prepared.registry() != registry) {
			Map<String, Map<Integer, Adjudicator>> all = new HashMap<>();
			ControlMap control = this.agreements.controlMap();
			this.agreements.all().forEach((id, versions) -> {
				Map<Integer, Adjudicator> byVersion = new HashMap<>();
				for (Agreement a : versions) {
					byVersion.put(a.version(), new Adjudicator(a, control, this.actors.registry()));
				}
				all.put(id, byVersion);
			});
			prepared = new Prepared(generation, registry, all);
			this.prepared = prepared;
		}
		return prepared.byAgreement().getOrDefault(agreementId, Map.of());
	}

	private record Prepared(long generation, Object registry, Map<String, Map<Integer, Adjudicator>> byAgreement) {

	}

}
