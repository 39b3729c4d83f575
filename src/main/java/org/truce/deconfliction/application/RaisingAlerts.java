package org.truce.deconfliction.application;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.IncidentProbe;
import org.truce.deconfliction.model.ProximityMatch;
import org.truce.deconfliction.model.Webhook;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.Ids;
import org.truce.report.application.ReportRecorded;
import org.truce.report.model.Report;
import org.truce.shared.BackgroundLoop;

/**
 * Raises proximity alerts the moment a report is recorded. The check itself (an index
 * look-up, well under a millisecond) runs on the thread that announced the report; the
 * alerts it finds are stored by a background writer, in batches, each with its ledger
 * entry (kind {@value #KIND}) and a pending webhook delivery per active subscription (for
 * alerts not about a declared position), in one transaction; only then are they announced
 * ({@link AlertsRaised}) to the event streams and the webhook sender.
 *
 * <p>
 * Alerts follow reports submitted to this instance; imported reports (which announce no
 * {@link ReportRecorded}) raise none.
 */
@Component
public class RaisingAlerts extends BackgroundLoop {

	/** The ledger entry kind of an alert. */
	public static final String KIND = "alert";

	private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

	private final ProtectedPlacesIndex index;

	private final Alerts alerts;

	private final Webhooks webhooks;

	private final AlertBodies bodies;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);

	RaisingAlerts(ProtectedPlacesIndex index, Alerts alerts, Webhooks webhooks, AlertBodies bodies, Ledger ledger,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		super("truce-alerts", true, Duration.ofSeconds(10));
		this.index = index;
		this.alerts = alerts;
		this.webhooks = webhooks;
		this.bodies = bodies;
		this.ledger = ledger;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	void on(ReportRecorded event) {
		long accepted = System.nanoTime();
		Report report = event.report();
		List<ProximityMatch> matches;
		try {
			matches = this.index.current().alerts(IncidentProbe.of(report));
		}
		catch (RuntimeException ex) {
			// The report is stored and acknowledged whatever happens here.
			log.warn("checking report {} for proximity alerts failed: {}", report.id(), ex.toString());
			return;
		}
		if (matches.isEmpty()) {
			return;
		}
		if (!this.queue.offer(new Pending(report, matches, accepted))) {
			log.warn("alert queue full; the alerts of report {} are dropped", report.id());
		}
	}

	@Override
	protected void loop() {
		List<Pending> batch = new ArrayList<>();
		while (isRunning() || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 499);
				store(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("storing the alerts of {} reports failed: {}", batch.size(), ex.toString());
			}
			finally {
				batch.clear();
			}
		}
	}

	/** Stores the alerts of these reports, then announces those stored. */
	private void store(List<Pending> batch) {
		Instant now = this.clock.instant();
		List<Alert> fresh = new ArrayList<>();
		List<Long> accepted = new ArrayList<>();
		for (Pending p : batch) {
			for (ProximityMatch m : p.matches()) {
				fresh.add(Alert.of(Ids.newId(this.clock), p.report(), m, now));
				accepted.add(p.acceptedNanos());
			}
		}
		List<Alert> stored = this.tx.execute(status -> {
			List<Alert> inserted = this.alerts.insert(fresh);
			if (inserted.isEmpty()) {
				return inserted;
			}
			List<LedgerEntry> entries = new ArrayList<>();
			for (Alert a : inserted) {
				entries.add(new LedgerEntry(KIND, a.id().toString(), AlertJson.ledgerBody(a)));
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
				String body = this.bodies.body(a);
				for (Webhook.Subscription s : subscriptions) {
					deliveries.add(new Webhook.Delivery(Ids.newId(this.clock), s.id(), a.id(), body,
							Webhook.Status.PENDING, 0, now, now, null, null));
				}
			}
			this.webhooks.enqueue(deliveries);
			return inserted;
		});
		if (stored.isEmpty()) {
			return;
		}
		Set<UUID> ids = new HashSet<>();
		stored.forEach(a -> ids.add(a.id()));
		long[] acceptedNanos = new long[stored.size()];
		int j = 0;
		for (int i = 0; i < fresh.size(); i++) {
			if (ids.contains(fresh.get(i).id())) {
				acceptedNanos[j++] = accepted.get(i);
			}
		}
		this.events.publishEvent(new AlertsRaised(stored, acceptedNanos));
	}

	private record Pending(Report report, List<ProximityMatch> matches, long acceptedNanos) {

	}

}
