package org.truce.incident.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.truce.shared.VisibleRows;

/**
 * Incidents as each reader may see them. A reader sees an incident when it may see at
 * least one of its reports, and then sees only those reports and the claims it may see;
 * its place, time, attribution and grade are worked out from those reports and claims, so
 * that nothing about a report or a claim it may not see shows through. Evidence and
 * candidate links are for monitors and co-chairs only.
 *
 * <ul>
 * <li><b>Ids.</b> A reader finds an incident by the id of a report of it that it may see
 * (the incident's own id is its first report's). Any other id, that of a report it may
 * not see included, is not found, exactly as an id nobody uses. An incident whose first
 * report the reader may not see is shown to it under the id of the first report it may
 * see.</li>
 * <li><b>Claims.</b> Monitors and co-chairs read every side's claims, with who entered
 * them. A liaison reads its own side's claims (with who entered them, a user of its
 * side); no other side's claim, and the public none: no claim is shared beyond its side
 * and the staff.</li>
 * </ul>
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
	 * @param wholeRecord whether the reader is told the record's own version and times
	 * (staff, who see every part of it and change it with If-Match); anyone else is told
	 * a version and times derived from what it sees ({@link #seenCreatedAt},
	 * {@link #seenUpdatedAt}), which a part it may not see does not move
	 */
	public record IncidentView(IncidentRecord record, Incident incident, List<Report> reports,
			VerificationGrade.Grading grading, List<Claim> claims, List<Evidence> evidence, List<StoredLink> links,
			boolean wholeRecord) {

		/**
		 * When the incident was made, as the reader may know it: the record's time for
		 * staff, else the time the first report it sees was recorded.
		 */
		public Instant seenCreatedAt() {
			if (this.wholeRecord) {
				return this.record.createdAt();
			}
			return this.reports.stream().map(Report::recordedAt).min(Comparator.naturalOrder()).orElseThrow();
		}

		/**
		 * When the incident last changed, as the reader may know it: the record's time
		 * for staff, else the latest time a report it sees was recorded or a claim it
		 * sees was made.
		 */
		public Instant seenUpdatedAt() {
			if (this.wholeRecord) {
				return this.record.updatedAt();
			}
			Instant latest = seenCreatedAt();
			for (Report r : this.reports) {
				latest = r.recordedAt().isAfter(latest) ? r.recordedAt() : latest;
			}
			for (Claim c : this.claims) {
				latest = c.madeAt() != null && c.madeAt().isAfter(latest) ? c.madeAt() : latest;
			}
			return latest;
		}

		/**
		 * The id the reader knows the incident by: its own (its first report's), or, when
		 * the reader may not see that report, the first report it may see.
		 */
		public UUID shownId() {
			return this.reports.stream()
				.map(Report::id)
				.filter(this.record.id()::equals)
				.findFirst()
				.orElse(this.reports.get(0).id());
		}

	}

	/**
	 * The incident an id stands for (following merges), as the reader may see it; empty
	 * when there is none or the reader may not see it.
	 */
	public Optional<IncidentView> byId(UUID id, Viewer viewer) {
		return this.directory.current(id)
			.flatMap(record -> of(record, viewer))
			.filter(view -> viewer.staff() || view.reports().stream().anyMatch(r -> r.id().equals(id)));
	}

	/**
	 * The open incident with this id (its own, not one of its other reports' nor one
	 * merged into it), as the reader may see it; empty when the reader may see none of
	 * its reports. For lists of incidents, which name each by
	 * {@link IncidentView#shownId}.
	 */
	public Optional<IncidentView> incident(UUID incidentId, Viewer viewer) {
		return this.incidents.find(incidentId)
			.filter(r -> r.status() == IncidentRecord.Status.OPEN)
			.flatMap(record -> of(record, viewer));
	}

	/**
	 * The {@code wanted} open incidents the reader may see that changed last as it knows
	 * them ({@link IncidentView#seenUpdatedAt}), newest first. Staff know every change,
	 * so the store's order is theirs. Anyone else is not told the order of the record's
	 * own changes: an incident that a hidden report or claim moved up the store's order
	 * is placed by what the reader sees. The store is read, newest change first, until
	 * the incidents the reader knows changed after every row not yet read fill the page
	 * (a reader's time of a change is never later than the record's).
	 */
	public List<IncidentView> recent(int wanted, Viewer viewer) {
		if (viewer.staff()) {
			return VisibleRows.firstSeen(wanted, this.incidents::recent, r -> incident(r.id(), viewer));
		}
		Comparator<IncidentView> newestFirst = Comparator.comparing(IncidentView::seenUpdatedAt)
			.thenComparing(IncidentView::shownId)
			.reversed();
		int read = Math.max(1, wanted);
		while (true) {
			List<IncidentRecord> rows = this.incidents.recent(read);
			List<IncidentView> seen = rows.stream()
				.map(r -> incident(r.id(), viewer))
				.flatMap(Optional::stream)
				.sorted(newestFirst)
				.toList();
			if (rows.size() < read || read == Integer.MAX_VALUE) {
				return seen.stream().limit(wanted).toList();
			}
			Instant unread = rows.get(rows.size() - 1).updatedAt();
			List<IncidentView> settled = seen.stream().filter(v -> v.seenUpdatedAt().isAfter(unread)).toList();
			if (settled.size() >= wanted) {
				return settled.subList(0, wanted);
			}
			read = read > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : read * 2;
		}
	}

	/**
	 * Whether the reader sees the whole incident: every report of it, and every side's
	 * current claim. Only then is what was computed from the whole incident (its stored
	 * findings) for this reader.
	 */
	public boolean seesWhole(IncidentView view) {
		return view.reports().stream().map(Report::id).toList().containsAll(view.record().reportIds())
				&& view.claims().size() == this.incidents.claims(view.record().id()).size();
	}

	/** The claims of the incident the reader may see. */
	private List<Claim> claims(IncidentRecord record, Viewer viewer) {
		return this.incidents.claims(record.id()).stream().filter(c -> mayReadClaimsOf(viewer, c.side())).toList();
	}

	/**
	 * Whether the reader may read a side's claims about an incident it may see: staff
	 * every side's, a liaison its own side's, the public none.
	 */
	public static boolean mayReadClaimsOf(Viewer viewer, String side) {
		return viewer.staff() || viewer.sideActorIds().contains(side);
	}

	private Optional<IncidentView> of(IncidentRecord record, Viewer viewer) {
		List<Report> visible = this.directory.visibleReports(record, viewer);
		if (visible.isEmpty()) {
			return Optional.empty();
		}
		List<Claim> claims = claims(record, viewer);
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
				staff ? this.incidents.linksOf(record.reportIds()) : List.of(), staff));
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
