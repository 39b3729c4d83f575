package org.truce.deconfliction.application;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.IncidentProbe;
import org.truce.deconfliction.model.ProximityIndex;
import org.truce.deconfliction.model.Webhook;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.ReadingReports;
import org.truce.report.application.RecordedWithReports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;
import org.truce.report.model.Source;
import org.truce.shared.BackgroundLoop;
import org.truce.shared.Ids;

/**
 * Raises proximity alerts with the reports that cause them. For each new report,
 * submitted or imported, the check (an index look-up, well under a millisecond) runs
 * before the report's transaction (for a submitted report, on the submitter's thread);
 * the alerts it finds are stored in the report's own transaction, each with its ledger
 * entry (kind {@value #KIND}) and a pending webhook delivery per active subscription (for
 * alerts not about a declared position). A report and its alerts are thus committed
 * together: when the report is acknowledged its alerts are in the record. Right after the
 * commit they are announced ({@link AlertsRaised}) to the event streams and the webhook
 * sender, from a thread of their own, so that a slow reader never holds up the writer of
 * reports.
 */
@Component
public class RaisingAlerts extends BackgroundLoop implements RecordedWithReports<List<Alert>> {

	/** The ledger entry kind of an alert. */
	public static final String KIND = "alert";

	private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

	private final ProtectedPlacesIndex index;

	private final Alerts alerts;

	private final Webhooks webhooks;

	private final AlertBodies bodies;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ReadingReports reports;

	private final Sources sources;

	private final BlockingQueue<AlertsRaised> committed = new LinkedBlockingQueue<>(100_000);

	RaisingAlerts(ProtectedPlacesIndex index, Alerts alerts, Webhooks webhooks, AlertBodies bodies, Ledger ledger,
			ApplicationEventPublisher events, Clock clock, ReadingReports reports, Sources sources) {
		super("truce-alerts", true, Duration.ofSeconds(10));
		this.index = index;
		this.alerts = alerts;
		this.webhooks = webhooks;
		this.bodies = bodies;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
		this.reports = reports;
		this.sources = sources;
	}

	/**
	 * The report's alerts. Each keeps the match of the exact point (for the readers who
	 * may see it) and the match of the report's grid cell ({@link Alert.Cell}, for those
	 * who may not). Every report is matched by its cell: were it matched by its point, a
	 * reader who may not read it could find it within the cell by declaring small
	 * positions (or notifying small sites) and watching which raise an alert. A report
	 * from an at-risk source, whose place is secret to all but the staff, raises its
	 * alerts for every reader: they give the staff the exact distance, which may exceed
	 * the threshold, and the exact proximity when the point itself is within, else the
	 * cell's. Any other report raises those its point raises for every reader, and those
	 * only its cell raises ({@link Alert#cellOnly}) for the readers who may not read it
	 * exactly ({@link AlertViews#shows}).
	 */
	@Override
	public List<Alert> prepare(Report report) {
		// Whether the source is at risk changes only which matches are cell-only, not
		// which
		// places match: it is read only for a report that raises an alert, so that intake
		// and imports far from every protected place do not read the source per report.
		ProximityIndex index = this.index.current();
		IncidentProbe probe = IncidentProbe.of(report);
		List<ProximityIndex.Matched> matches = index.alerts(probe, this.reports.grid(), false);
		if (matches.isEmpty()) {
			return null;
		}
		if (report.sourceId() != null && this.sources.byId(report.sourceId()).map(Source::atRisk).orElse(false)) {
			matches = index.alerts(probe, this.reports.grid(), true);
		}
		// To the millisecond, as the stores keep it: the stream sends the same time as
		// the
		// list.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Alert> out = new ArrayList<>(matches.size());
		for (ProximityIndex.Matched m : matches) {
			out.add(Alert.of(Ids.newId(this.clock), report, m.point(), m.cell(), m.cellOnly(), now));
		}
		return out;
	}

	@Override
	public Runnable store(List<List<Alert>> prepared) {
		List<Alert> fresh = new ArrayList<>();
		prepared.forEach(fresh::addAll);
		List<Alert> inserted = this.alerts.insert(fresh);
		if (inserted.isEmpty()) {
			return null;
		}
		List<LedgerEntry> entries = new ArrayList<>();
		for (Alert a : inserted) {
			entries.add(AlertJson.ledgerEntry(a));
		}
		this.ledger.append(entries);
		List<Webhook.Subscription> subscriptions = this.webhooks.subscriptions()
			.stream()
			.filter(Webhook.Subscription::active)
			.toList();
		List<Webhook.Delivery> deliveries = new ArrayList<>();
		for (Alert a : inserted) {
			if (a.restricted()) {
				continue;
			}
			String body = this.bodies.body(a).orElse(null);
			if (body == null) {
				continue;
			}
			for (Webhook.Subscription s : subscriptions) {
				deliveries.add(new Webhook.Delivery(Ids.newId(this.clock), s.id(), a.id(), body, Webhook.Status.PENDING,
						0, a.raisedAt(), a.raisedAt(), null, null));
			}
		}
		this.webhooks.enqueue(deliveries);
		return () -> {
			if (!this.committed.offer(new AlertsRaised(inserted, System.nanoTime()))) {
				log.warn("{} alerts are stored but could not be announced live (queue full)", inserted.size());
			}
		};
	}

	/** Announces committed alerts, in commit order. */
	@Override
	protected void loop() {
		while (isRunning() || !this.committed.isEmpty()) {
			try {
				AlertsRaised next = this.committed.poll(200, TimeUnit.MILLISECONDS);
				if (next != null) {
					this.events.publishEvent(next);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("announcing alerts failed: {}", ex.toString());
			}
		}
	}

}
