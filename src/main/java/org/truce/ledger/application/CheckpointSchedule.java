package org.truce.ledger.application;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Issues a checkpoint every {@code truce.ledger.checkpoint-seconds} (default 5) while the
 * ledger grows, and a last one when the application stops, so that a command that only
 * imported data leaves a signed checkpoint behind too.
 */
@Component
class CheckpointSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

	private final Checkpointing checkpointing;

	private final long seconds;

	private volatile ScheduledExecutorService executor;

	CheckpointSchedule(Checkpointing checkpointing, @Value("${truce.ledger.checkpoint-seconds:5}") long seconds) {
		this.checkpointing = checkpointing;
		this.seconds = Math.max(1, seconds);
	}

	@Override
	public void start() {
		ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "truce-checkpoint");
			t.setDaemon(true);
			return t;
		});
		e.scheduleWithFixedDelay(this::checkpoint, this.seconds, this.seconds, TimeUnit.SECONDS);
		this.executor = e;
	}

	private void checkpoint() {
		try {
			this.checkpointing.checkpoint();
		}
		catch (RuntimeException ex) {
			log.warn("checkpoint failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService e = this.executor;
		if (e != null) {
			e.shutdown();
			try {
				e.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			checkpoint();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		// Stop after the writers (group commit, phase MAX - 2048), before the data source
		// closes.
		return Integer.MAX_VALUE - 4096;
	}

}
