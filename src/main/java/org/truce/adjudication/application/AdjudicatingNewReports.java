package org.truce.adjudication.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truce.incident.application.IncidentsChanged;
import org.truce.report.application.ReportRecorded;
import org.truce.shared.BackgroundLoop;
import org.truce.shared.BackgroundWork;

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

	/**
	 * Ids of new reports, and of incidents that changed or are gone. Bounded: when it is
	 * full, {@link #behind} is set and every agreement is judged again over the record
	 * once the queue is empty, so that no change goes unjudged.
	 */
	private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>(QUEUE);

	private final BackgroundWork work;

	/** The most ids waiting to be judged. */
	static final int QUEUE = 100_000;

	/** Whether an id was not queued: the whole record must be judged again. */
	private volatile boolean behind;

	/**
	 * Whether to judge on a background thread; without it, findings are computed by
	 * {@code truce adjudicate} or a full run only.
	 */
	private final boolean background;

	AdjudicatingNewReports(AdjudicatingIncidents adjudicating,
			@Value("${truce.adjudication.background:true}") boolean background, ObjectProvider<MeterRegistry> meters) {
		super("truce-adjudicate-new", true, Duration.ofSeconds(10));
		this.work = new BackgroundWork("adjudication", meters.getIfAvailable(), this.queue::size);
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
		if (this.background && !this.queue.offer(new Queued(id, System.nanoTime()))) {
			if (!this.behind) {
				log.warn("adjudication queue full; every agreement will be judged again once it is empty");
			}
			this.behind = true;
		}
	}

	/**
	 * The meters of this work: the lag from a report's or incident's announcement to its
	 * being judged.
	 */
	BackgroundWork work() {
		return this.work;
	}

	/** Whether the record is to be judged again in full (the queue overflowed). */
	boolean behind() {
		return this.behind;
	}

	@Override
	protected void loop() {
		List<Queued> batch = new ArrayList<>();
		while (isRunning() || !this.queue.isEmpty()) {
			try {
				Queued first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					if (this.behind) {
						this.behind = false;
						this.adjudicating.all();
					}
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, 499);
				Set<UUID> ids = new LinkedHashSet<>();
				batch.forEach(q -> ids.add(q.id()));
				this.adjudicating.rejudge(ids);
				batch.forEach(q -> this.work.done(q.at()));
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

	/** An id announced at a {@link System#nanoTime()}. */
	private record Queued(UUID id, long at) {

	}

}
