package org.truce.incident.application;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.model.ActorRef;
import org.truce.incident.model.CandidateLink;
import org.truce.incident.model.ClusterNeighbours;
import org.truce.incident.model.ClusterInput;
import org.truce.incident.model.Clustering;
import org.truce.incident.model.ClusteringResult;
import org.truce.incident.model.ClusteringRules;
import org.truce.incident.model.Comparison;
import org.truce.incident.model.LinkReason;
import org.truce.incident.model.StoredLink;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.ReportRecorded;
import org.truce.report.application.Reports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.shared.BackgroundLoop;
import org.truce.shared.BackgroundWork;

/**
 * Puts every stored report into an incident, on a background thread, so that intake never
 * waits for it. Each batch of new reports is clustered ({@link Clustering}) with the
 * reports already in incidents near them in space and time:
 * <ul>
 * <li>new reports that the rules merge with an existing incident's report join that
 * incident (the one with most reports, when they would join several: existing incidents
 * are merged only by an analyst);</li>
 * <li>new reports merged only among themselves make a new incident, whose id is the first
 * of them;</li>
 * <li>pairs the rules would not merge on their own become candidate links for an
 * analyst.</li>
 * </ul>
 * Every incident made or grown and every link is a ledger entry, written with it, that
 * names the report each new one matched and how far apart they were, under a salted
 * commitment (group {@value #REPORTS}). Reports that arrive without an event (imports)
 * are found by polling for reports in no incident.
 */
@Component
public class ClusteringNewReports extends BackgroundLoop {

	/** Ledger entry kinds. */
	public static final String CREATED = "incident-created", GREW = "incident-reports-added", LINKED = "candidate-link";

	/** Who the clustering's changes are recorded as made by. */
	public static final String BY = "clustering";

	/**
	 * The committed group of a clustering entry: which reports, how far apart in space
	 * and time, and why. Distances and gaps between reports would place a report whose
	 * place is hidden relative to one whose place is known, and membership would tell of
	 * an unpublished report; so the public log holds them only as a commitment, opened
	 * for staff.
	 */
	public static final String REPORTS = "reports";

	private static final Logger log = LoggerFactory.getLogger(ClusteringNewReports.class);

	private static final int BATCH = 500;

	/**
	 * The most announced reports waiting to be clustered; beyond, see {@link #behind}.
	 */
	static final int QUEUE = 100_000;

	/**
	 * A batch's time window is read whole when it holds at most this many reports, plus
	 * four per new report (one query, rather than one through the spatial index per new
	 * report).
	 */
	private static final int SMALL_WINDOW = 100;

	/** The page size of a query for the neighbours of one report. */
	private static final int NEIGHBOURS = 500;

	private final Incidents incidents;

	private final Reports reports;

	private final ClusteringRules rules;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	/**
	 * No transaction (nothing locked, even on SQLite, whose transactions write), but one
	 * connection held for the whole of a callback.
	 */
	private final TransactionTemplate oneConnection;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Ids of reports recorded and not yet clustered, as announced. Bounded: when it is
	 * full an id is not queued and {@link #behind} is set, and the reports in no incident
	 * are then read from the store ({@link #catchUp}); the store, not this queue, is what
	 * is owed clustering, so nothing is lost if it overflows or the process stops.
	 */
	private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE);

	private final BackgroundWork work;

	/** Whether an announced report was not queued: the store must be swept. */
	private volatile boolean behind;

	/**
	 * Whether to cluster on a background thread: in a server; a command that works on the
	 * store and exits leaves it to the server or to {@code truce cluster}.
	 */
	private final boolean background;

	ClusteringNewReports(Incidents incidents, Reports reports, ClusteringRules rules, Ledger ledger,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock,
			@Value("${truce.clustering.background:true}") boolean background, ObjectProvider<MeterRegistry> meters) {
		super("truce-cluster-new", true, Duration.ofSeconds(10));
		this.work = new BackgroundWork("clustering", meters.getIfAvailable(), this.queue::size);
		this.background = background;
		this.incidents = incidents;
		this.reports = reports;
		this.rules = rules;
		this.ledger = ledger;
		this.tx = tx;
		this.oneConnection = new TransactionTemplate(tx.getTransactionManager());
		this.oneConnection.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(ReportRecorded event) {
		if (this.background && !this.queue.offer(new Queued(event.report().id(), System.nanoTime()))) {
			this.behind = true;
		}
	}

	/**
	 * How many announced reports wait to be clustered (at most {@value #QUEUE}; more are
	 * found in the store).
	 */
	public int queued() {
		return this.queue.size();
	}

	/**
	 * The meters of this work: the lag from a report's announcement (just before its
	 * submitter is told it is stored) to its being in an incident.
	 */
	public BackgroundWork work() {
		return this.work;
	}

	/**
	 * Clusters every report in no incident yet, in batches, now, on the calling thread.
	 * @return how many reports were placed
	 */
	public int catchUp() {
		int placed = 0;
		while (true) {
			List<UUID> batch = this.incidents.unclustered(BATCH);
			if (batch.isEmpty()) {
				return placed;
			}
			placed += cluster(batch);
		}
	}

	/**
	 * Places these reports (those still in no incident) into incidents, in one
	 * transaction.
	 * @return how many were placed
	 */
	int cluster(List<UUID> reportIds) {
		List<Report> fresh = new ArrayList<>();
		Map<UUID, Report> all = new LinkedHashMap<>();
		// The reads on one connection, taken from the pool once: under load, request
		// threads take the pool's connections back first, and a thread that asks for one
		// per query waits for each.
		this.oneConnection.executeWithoutResult(status -> {
			Set<UUID> candidates = new LinkedHashSet<>(reportIds);
			candidates.removeAll(this.incidents.incidentOf(candidates).keySet());
			for (UUID id : candidates) {
				this.reports.byId(id).ifPresent(fresh::add);
			}
			if (fresh.isEmpty()) {
				return;
			}
			fresh.sort(Comparator.comparing(Report::recordedAt).thenComparing(r -> r.id().toString()));
			fresh.forEach(r -> all.put(r.id(), r));
			for (Report n : neighbours(fresh)) {
				all.putIfAbsent(n.id(), n);
			}
		});
		if (fresh.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		Set<UUID> changed = this.tx.execute(status -> place(fresh, new ArrayList<>(all.values()), now));
		this.events.publishEvent(new IncidentsChanged(changed, Set.of()));
		return fresh.size();
	}

	private Set<UUID> place(List<Report> fresh, List<Report> all, Instant now) {
		// Another instance may have placed some meanwhile.
		Map<UUID, UUID> incidentOf = new HashMap<>(this.incidents.incidentOf(all.stream().map(Report::id).toList()));
		List<Report> todo = fresh.stream().filter(r -> !incidentOf.containsKey(r.id())).toList();
		if (todo.isEmpty()) {
			return Set.of();
		}
		List<ClusterInput> inputs = all.stream().map(ClusteringNewReports::input).toList();
		ClusteringResult result = Clustering.cluster(inputs, this.rules);
		Map<Integer, List<Integer>> members = new LinkedHashMap<>();
		for (int i = 0; i < all.size(); i++) {
			members.computeIfAbsent(result.clusterOf()[i], k -> new ArrayList<>()).add(i);
		}
		Set<UUID> todoIds = new LinkedHashSet<>(todo.stream().map(Report::id).toList());
		Set<UUID> changed = new LinkedHashSet<>();
		List<LedgerEntry> entries = new ArrayList<>();
		for (List<Integer> cluster : members.values()) {
			List<Report> newOnes = cluster.stream().map(all::get).filter(r -> todoIds.contains(r.id())).toList();
			if (newOnes.isEmpty()) {
				continue;
			}
			Map<UUID, Integer> existing = new LinkedHashMap<>();
			for (int i : cluster) {
				UUID incident = incidentOf.get(all.get(i).id());
				if (incident != null) {
					existing.merge(incident, 1, Integer::sum);
				}
			}
			UUID nearest = existing.entrySet()
				.stream()
				.max(Map.Entry.<UUID, Integer>comparingByValue()
					.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
				.map(Map.Entry::getKey)
				.orElse(null);
			List<UUID> ids = newOnes.stream().map(Report::id).toList();
			Map<String, Object> clear = new LinkedHashMap<>();
			clear.put("by", BY);
			clear.put("rules", rulesInWords());
			Map<String, Object> reports = new LinkedHashMap<>();
			reports.put("reports", ids.stream().map(UUID::toString).toList());
			reports.put("matched", matches(newOnes, cluster.stream().map(all::get).toList()));
			UUID target = nearest == null ? ids.get(0) : nearest;
			if (nearest == null) {
				this.incidents.create(target, ids, now, BY);
				entries.add(LedgerEntry.of(CREATED, target.toString(), clear, Map.of(REPORTS, reports)));
			}
			else {
				this.incidents.move(ids, target, now, BY);
				int version = this.incidents.find(target).orElseThrow().version();
				this.incidents.bump(target, version, now);
				if (existing.size() > 1) {
					reports.put("alsoNear",
							existing.keySet().stream().filter(id -> !id.equals(nearest)).map(UUID::toString).toList());
				}
				entries.add(LedgerEntry.of(GREW, target.toString(), clear, Map.of(REPORTS, reports)));
			}
			for (UUID id : ids) {
				incidentOf.put(id, target);
			}
			changed.add(target);
		}
		List<StoredLink> links = new ArrayList<>();
		for (CandidateLink link : result.candidateLinks()) {
			Report a = all.get(link.a());
			Report b = all.get(link.b());
			if (!todoIds.contains(a.id()) && !todoIds.contains(b.id())) {
				continue;
			}
			links.add(new StoredLink(UUID.randomUUID().toString(), a.id(), b.id(),
					link.reasons().stream().map(LinkReason::name).toList(), link.distanceMetres(), link.gapSeconds(),
					StoredLink.Status.OPEN, now, null, null, null));
		}
		for (StoredLink link : this.incidents.addLinks(links)) {
			Map<String, Object> clear = new LinkedHashMap<>();
			clear.put("by", BY);
			clear.put("link", link.id());
			Map<String, Object> committed = new LinkedHashMap<>();
			committed.put("reports", List.of(link.reportA().toString(), link.reportB().toString()));
			committed.put("reasons", link.reasons());
			committed.put("distanceMetres", Math.round(link.distanceMetres()));
			committed.put("gapSeconds", link.gapSeconds());
			entries.add(LedgerEntry.of(LINKED, incidentOf.get(link.reportA()).toString(), clear,
					Map.of(REPORTS, committed)));
		}
		this.ledger.append(entries);
		return changed;
	}

	/**
	 * For each new report, the report of its cluster it was matched with (the nearest
	 * that the rules call the same event), with the distance and gap: the reason it is
	 * where it is.
	 */
	private List<Map<String, Object>> matches(List<Report> newOnes, List<Report> cluster) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Report r : newOnes) {
			Comparison.Same best = null;
			Report with = null;
			for (Report other : cluster) {
				if (other.id().equals(r.id())) {
					continue;
				}
				if (Clustering.compare(input(r), input(other), this.rules) instanceof Comparison.Same same
						&& (best == null || same.distanceMetres() < best.distanceMetres())) {
					best = same;
					with = other;
				}
			}
			if (with != null) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("report", r.id().toString());
				m.put("with", with.id().toString());
				m.put("distanceMetres", Math.round(best.distanceMetres()));
				m.put("gapSeconds", best.gapSeconds());
				out.add(m);
			}
		}
		return out;
	}

	private String rulesInWords() {
		return "within " + Math.round(this.rules.distanceMetres()) + " m plus both uncertainties, "
				+ this.rules.timeGapSeconds() + " s apart at most, compatible types and actors, each located within "
				+ Math.round(this.rules.maxUncertaintyMetres()) + " m and timed within " + this.rules.maxSpanSeconds()
				+ " s";
	}

	/**
	 * The stored reports that clustering the new ones must see: those of the time window
	 * of the batch (intervals within the time gap of the batch's span). When the window
	 * holds few reports, all of them (one query); otherwise only the reports of the
	 * window that are connected to a new one (see {@link #connected}), found through the
	 * spatial index. Both give the new reports the same incidents and links: clustering
	 * joins reports only along pairs that the rules relate, so the reports of the window
	 * that no chain of "same event" pairs joins to a new report change nothing for it.
	 */
	private List<Report> neighbours(List<Report> fresh) {
		Instant from = fresh.stream()
			.map(r -> r.when().start())
			.min(Instant::compareTo)
			.orElseThrow()
			.minusSeconds(this.rules.timeGapSeconds());
		Instant to = fresh.stream()
			.map(r -> r.when().end())
			.max(Instant::compareTo)
			.orElseThrow()
			.plusSeconds(this.rules.timeGapSeconds());
		int small = Math.min(ReportQuery.MAX_LIMIT, SMALL_WINDOW + 4 * fresh.size());
		ReportPage page = this.reports
			.find(new ReportQuery(null, null, from, to, null, null, null, false, null, small));
		if (page.next() == null) {
			return page.reports();
		}
		return connected(fresh, from, to);
	}

	/**
	 * The reports of the window {@code [from, to]} that the rules relate to a new report,
	 * and, transitively, those that "same event" pairs join to them: every report of the
	 * window that can share a cluster with a new one or make a candidate link with it.
	 * Each report of the chain is looked up through the spatial index (a circle of the
	 * largest reach that any pair with it may have) within its own time reach.
	 */
	private List<Report> connected(List<Report> fresh, Instant from, Instant to) {
		return ClusterNeighbours.connected(fresh, ClusteringNewReports::input, r -> near(r, from, to), this.rules);
	}

	/**
	 * The stored reports of {@code [from, to]} within reach of this one, in space and
	 * time, under the rules (none for a report too vague to be related to any).
	 */
	private List<Report> near(Report r, Instant from, Instant to) {
		double radius = ClusterNeighbours.reachMetres(input(r), this.rules);
		if (radius < 0) {
			return List.of();
		}
		Instant start = max(from, r.when().start().minusSeconds(this.rules.timeGapSeconds()));
		Instant end = min(to, r.when().end().plusSeconds(this.rules.timeGapSeconds()));
		if (start.isAfter(end)) {
			return List.of();
		}
		ReportQuery query = new ReportQuery(null,
				new ReportQuery.Circle(r.where().latitude(), r.where().longitude(), radius), start, end, null, null,
				null, false, null, NEIGHBOURS);
		List<Report> out = new ArrayList<>();
		while (query != null) {
			ReportPage page = this.reports.find(query);
			out.addAll(page.reports());
			query = page.next() == null ? null : query.withCursor(page.next());
		}
		return out;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The report as clustering compares it. A report that does not say who acted (a dyad,
	 * or one of several) gives no actor nor target, so that it never keeps apart reports
	 * whose actors differ only in which side of the dyad acted.
	 */
	static ClusterInput input(Report r) {
		boolean known = r.whoActed().known();
		return new ClusterInput(r.id().toString(), r.where().latitude(), r.where().longitude(),
				r.where().uncertaintyMetres(), r.when().start().getEpochSecond(), r.when().end().getEpochSecond(),
				r.eventType().code(), known ? resolved(r.actor()) : null, known ? resolved(r.target()) : null,
				r.sourceId(), r.externalId());
	}

	private static String resolved(ActorRef ref) {
		return ref != null && ref.status() == ActorRef.ResolutionStatus.RESOLVED ? ref.actorId() : null;
	}

	@Override
	protected boolean enabled() {
		return this.background;
	}

	@Override
	protected void loop() {
		long lastSweep = 0;
		while (isRunning()) {
			try {
				Queued first = this.queue.poll(500, TimeUnit.MILLISECONDS);
				if (first != null) {
					List<Queued> batch = new ArrayList<>();
					batch.add(first);
					this.queue.drainTo(batch, BATCH - 1);
					cluster(batch.stream().map(Queued::id).toList());
					batch.forEach(q -> this.work.done(q.at()));
				}
				if (this.behind || (first == null && System.nanoTime() - lastSweep > 5_000_000_000L)) {
					this.behind = false;
					lastSweep = System.nanoTime();
					catchUp();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("clustering new reports failed; they will be retried: {}", ex.toString());
			}
		}
	}

	/** A report announced at a {@link System#nanoTime()}. */
	private record Queued(UUID id, long at) {

	}

}
