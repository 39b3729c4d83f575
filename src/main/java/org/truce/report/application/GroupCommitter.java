package org.truce.report.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.truce.shared.BackgroundLoop;

/**
 * Commits reports from many request threads in shared transactions. One writer thread
 * takes what is queued, stores it in one transaction (one durable flush to disk) and only
 * then completes each caller's future. A caller is acknowledged only after its report is
 * durable; the batch costs one flush instead of one per report.
 *
 * <p>
 * If a batch fails, each of its reports is retried alone, so that one faulty report
 * cannot fail others.
 */
@Component
class GroupCommitter extends BackgroundLoop {

	static final int MAX_BATCH = 500;

	private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

	private final RecordingReports reports;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);

	GroupCommitter(RecordingReports reports) {
		super("truce-group-commit", false, Duration.ofSeconds(30));
		this.reports = reports;
	}

	/**
	 * Queues a report; the future completes once it is durable, or fails. The report's
	 * ledger entry and what is recorded with it are worked out here, on the caller's
	 * thread, so that the one writer thread only stores.
	 */
	CompletableFuture<Reports.Appended> submit(Reports.NewReport report) {
		RecordingReports.Prepared prepared;
		try {
			prepared = this.reports.prepare(report.report());
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		Pending pending = new Pending(report, prepared, new CompletableFuture<>());
		if (!isRunning() || !this.queue.offer(pending)) {
			pending.done().completeExceptionally(new StoreBusyException());
		}
		return pending.done();
	}

	@Override
	protected void loop() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (isRunning() || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void commit(List<Pending> batch) {
		try {
			List<Reports.Appended> results = this.reports.append(batch.stream().map(Pending::report).toList(),
					batch.stream().map(Pending::prepared).toList());
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).done().complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				Pending one = batch.get(0);
				if (one.prepared().hasExtras()) {
					// What follows from a report never stops it being stored.
					log.warn("report {} could not be stored with what is recorded with it ({}); storing it alone",
							one.report().report().id(), ex.toString());
					commit(new ArrayList<>(List.of(new Pending(one.report(), one.prepared().alone(), one.done()))));
					return;
				}
				log.warn("report could not be stored: {}", ex.toString());
				one.done().completeExceptionally(ex);
				return;
			}
			for (Pending one : batch) {
				commit(new ArrayList<>(List.of(one)));
			}
		}
	}

	@Override
	public int getPhase() {
		// Stop after the web server has stopped taking requests, before the data source
		// closes.
		return Integer.MAX_VALUE - 2048;
	}

	private record Pending(Reports.NewReport report, RecordingReports.Prepared prepared,
			CompletableFuture<Reports.Appended> done) {

	}

	/** The queue is full or the writer has stopped: nothing was recorded. */
	static class StoreBusyException extends RuntimeException {

		StoreBusyException() {
			super("the store is not accepting reports now");
		}

	}

}
