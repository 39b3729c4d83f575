package org.truce.adjudication.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truce.incident.application.IncidentsChanged;
import org.truce.report.application.ReportRecorded;
import org.truce.shared.BackgroundLoop;

/**
 * Judges each newly recorded report (alone until it joins an incident) and each changed
 * incident against every agreement, on a background thread so that intake never waits for
 * it; an incident merged away loses its findings. Findings are derived data: if the
 * process stops before a report is judged, {@code truce adjudicate} (or the next full
 * run) computes it.
 */
@Component
class AdjudicatingNewReports extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(AdjudicatingNewReports.class);

	private final AdjudicatingIncidents adjudicating;

	/** Ids of new reports, and of incidents that changed or are gone. */
	private final BlockingQueue<UUID> queue = new LinkedBlockingQueue<>(100_000);

	/**
	 * Whether to judge on a background thread; without it, findings are computed by
	 * {@code truce adjudicate} or a full run only.
	 */
	private final boolean background;

	AdjudicatingNewReports(AdjudicatingIncidents adjudicating,
			@Value("${truce.adjudication.background:true}") boolean background) {
		super("truce-adjudicate-new", true, Duration.ofSeconds(10));
		this.adjudicating = adjudicating;
		this.background = background;
	}

	@Override
	protected boolean enabled() {
		return this.background;
	}

	@EventListener
	void on(ReportRecorded event) {
		offer(event.report().id());
	}

	@EventListener
	void on(IncidentsChanged event) {
		event.changed().forEach(this::offer);
		event.gone().forEach(this::offer);
	}

	private void offer(UUID id) {
		if (this.background && !this.queue.offer(id)) {
			log.warn("adjudication queue full; {} will be judged at the next full run", id);
		}
	}

	@Override
	protected void loop() {
		List<UUID> batch = new ArrayList<>();
		while (isRunning() || !this.queue.isEmpty()) {
			try {
				UUID first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 499);
				this.adjudicating.rejudge(new LinkedHashSet<>(batch));
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

}
