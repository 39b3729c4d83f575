package org.truce.adjudication.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.truce.actor.application.ActorDirectory;
import org.truce.adjudication.model.Adjudicator;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.StoredFinding;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlMap;
import org.truce.incident.model.Incident;
import org.truce.report.application.Reports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * (Re)computes the findings of the record against agreements. Until reports are
 * clustered, each report is a one-report incident. Each incident is judged under the
 * agreement version in force at the start of its interval.
 */
@Service
public class AdjudicatingIncidents {

	private final AgreementCatalogue agreements;

	private final ActorDirectory actors;

	private final Reports reports;

	private final Findings findings;

	private final Clock clock;

	private volatile Prepared prepared;

	public AdjudicatingIncidents(AgreementCatalogue agreements, ActorDirectory actors, Reports reports,
			Findings findings, Clock clock) {
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
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		int incidents = 0;
		ReportQuery query = new ReportQuery(null, null, from, to, null, null, null, false, null, 1000);
		while (query != null) {
			ReportPage page = this.reports.find(query);
			for (Report report : page.reports()) {
				Incident incident = Incident.ofReport(report);
				incidents++;
				for (Finding f : judge(agreementId, byVersion, incident)) {
					out.add(StoredFinding.of(f, incident, now));
					outcomes.merge(f.outcome(), 1, Integer::sum);
				}
			}
			query = page.next() == null ? null : query.withCursor(page.next());
		}
		this.findings.replaceAgreement(agreementId, out);
		return new Summary(agreementId, incidents, outcomes);
	}

	/**
	 * Judges incidents under every agreement and stores their findings, replacing earlier
	 * ones.
	 */
	public void incidents(List<Incident> incidents) {
		Instant now = this.clock.instant();
		for (String agreementId : this.agreements.all().keySet()) {
			Map<Integer, Adjudicator> byVersion = adjudicators(agreementId);
			Map<String, List<StoredFinding>> found = new java.util.LinkedHashMap<>();
			for (Incident incident : incidents) {
				found.put(incident.id(),
						judge(agreementId, byVersion, incident).stream()
							.map(f -> StoredFinding.of(f, incident, now))
							.toList());
			}
			this.findings.replaceIncidents(agreementId, found);
		}
	}

	private List<Finding> judge(String agreementId, Map<Integer, Adjudicator> byVersion, Incident incident) {
		return this.agreements.inForceAt(agreementId, incident.when().start())
			.map(a -> byVersion.get(a.version()).adjudicate(incident))
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
