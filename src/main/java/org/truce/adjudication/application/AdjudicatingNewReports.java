package org.truce.adjudication.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truce.incident.model.Incident;
import org.truce.report.application.ReportRecorded;

/**
 * Judges each newly recorded report, as a one-report incident, against every agreement,
 * on a background thread so that intake never waits for it. Findings are derived data: if
 * the process stops before a report is judged, {@code truce adjudicate} (or the next full
 * run) computes it.
 */
@Component
class AdjudicatingNewReports implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AdjudicatingNewReports.class);

	private final AdjudicatingIncidents adjudicating;

	private final BlockingQueue<Incident> queue = new LinkedBlockingQueue<>(100_000);

	private volatile boolean running;

	private volatile Thread worker;

	AdjudicatingNewReports(AdjudicatingIncidents adjudicating) {
		this.adjudicating = adjudicating;
	}

	@EventListener
	void on(ReportRecorded event) {
		if (!this.queue.offer(Incident.ofReport(event.report()))) {
			log.warn("adjudication queue full; report {} will be judged at the next full run", event.report().id());
		}
	}

	private void run() {
		List<Incident> batch = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Incident first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 499);
				this.adjudicating.incidents(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("adjudicating {} new reports failed: {}", batch.size(), ex.toString());
			}
			finally {
				batch.clear();
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "truce-adjudicate-new");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
