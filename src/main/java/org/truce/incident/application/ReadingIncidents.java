package org.truce.incident.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

import org.springframework.stereotype.Service;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.identity.model.Viewer;
import org.truce.incident.model.Attribution;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.Incident;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.incident.model.VerificationGrade;
import org.truce.report.application.Reports;
import org.truce.report.model.Report;

/**
 * Incidents as each reader may see them. A reader sees an incident when it may see at
 * least one of its reports, and then sees only those reports; its place, time,
 * attribution and grade are worked out from those reports and the sides' claims, so that
 * nothing about a report it may not see shows through. Evidence and candidate links are
 * for monitors and co-chairs only.
 */
@Service
public class ReadingIncidents {

	private final Incidents incidents;

	private final IncidentDirectory directory;

	private final Reports reports;

	private final ActorDirectory actors;

	public ReadingIncidents(Incidents incidents, IncidentDirectory directory, Reports reports, ActorDirectory actors) {
		this.incidents = incidents;
		this.directory = directory;
		this.reports = reports;
		this.actors = actors;
	}

	/**
	 * An incident, with all it is known by, as a reader sees it.
	 *
	 * @param incident the event its reports describe together
	 * @param reports the reports the reader may see, as it may see them
	 * @param grading its verification grade and the rule that gave it
	 * @param claims each side's current claim
	 * @param evidence its evidence (empty for readers other than staff)
	 * @param links candidate links touching its reports (empty for readers other than
	 * staff)
	 */
	public record IncidentView(IncidentRecord record, Incident incident, List<Report> reports,
			VerificationGrade.Grading grading, List<Claim> claims, List<Evidence> evidence, List<StoredLink> links) {

	}

	/**
	 * The incident an id stands for (following merges), as the reader may see it; empty
	 * when there is none or the reader may not see it.
	 */
	public Optional<IncidentView> byId(UUID id, Viewer viewer) {
		Optional<IncidentRecord> found = this.directory.current(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		IncidentRecord record = found.get();
		List<Report> visible = this.directory.visibleReports(record, viewer);
		if (visible.isEmpty()) {
			return Optional.empty();
		}
		List<Claim> claims = this.incidents.claims(record.id());
		Incident incident = incident(record, visible, claims);
		VerificationGrade.Grading grading = VerificationGrade.grade(record.discount(), incident.attribution(),
				visible.stream()
					.map(Report::sourceId)
					.filter(Objects::nonNull)
					.collect(LinkedHashSet::new, Set::add, Set::addAll),
				claims, partOf());
		boolean staff = viewer.staff();
		return Optional.of(new IncidentView(record, incident, visible, grading, claims,
				staff ? this.incidents.evidence(record.id()) : List.of(),
				staff ? this.incidents.linksOf(record.reportIds()) : List.of()));
	}

	/**
	 * The whole incident, over all its reports, as the adjudication judges it; empty when
	 * the id is not an open incident.
	 */
	public Optional<Incident> whole(UUID id) {
		return this.incidents.find(id).filter(r -> r.status() == IncidentRecord.Status.OPEN).flatMap(record -> {
			List<Report> all = new ArrayList<>();
			record.reportIds().forEach(r -> this.reports.byId(r).ifPresent(all::add));
			return all.isEmpty() ? Optional.empty()
					: Optional.of(incident(record, all, this.incidents.claims(record.id())));
		});
	}

	/** The incident of these reports, with their sides' claims. */
	private Incident incident(IncidentRecord record, List<Report> reports, List<Claim> claims) {
		return Incident.ofReports(record.id().toString(), reports,
				Attribution.of(saidToHaveActed(reports), claims, partOf()));
	}

	/**
	 * The resolved actors the reports say acted. The sides of a dyad, or the actors one
	 * of whom acted, are not said to have acted: a report that names a dyad does not
	 * contest one that says which side acted.
	 */
	public static Set<String> saidToHaveActed(List<Report> reports) {
		Set<String> named = new LinkedHashSet<>();
		for (Report r : reports) {
			ActorRef actor = r.actor();
			if (r.whoActed().known() && actor != null && actor.status() == ActorRef.ResolutionStatus.RESOLVED) {
				named.add(actor.actorId());
			}
		}
		return named;
	}

	/** Whether the first actor is the second or one of its units, by the registry. */
	public BiPredicate<String, String> partOf() {
		ActorRegistry registry = this.actors.registry();
		return (actor, of) -> actor.equals(of) || registry.lineage(actor).stream().anyMatch(a -> a.id().equals(of));
	}

}
