package org.truce.shared;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The meters of a background consumer of changes (clustering, adjudication): how long a
 * change waits from its announcement to the end of its work
 * ({@code truce.background.lag}, with the median and 99th percentile over the last two
 * minutes or so), and how many changes wait ({@code truce.background.queued}), each
 * tagged with {@code work}. They are in the application's meter registry, when it has one
 * (Actuator's metrics).
 */
public final class BackgroundWork {

	private final Timer lag;

	/**
	 * @param work the tag naming the consumer
	 * @param registry the application's registry, or null for meters of its own
	 * @param queued how many changes wait now
	 */
	public BackgroundWork(String work, MeterRegistry registry, Supplier<Number> queued) {
		MeterRegistry r = registry != null ? registry : new SimpleMeterRegistry();
		this.lag = Timer.builder("truce.background.lag")
			.description("from a change being announced to its background work being done")
			.tag("work", work)
			.publishPercentiles(0.5, 0.99)
			.register(r);
		Gauge.builder("truce.background.queued", queued)
			.description("changes announced and waiting for background work")
			.tag("work", work)
			.register(r);
	}

	/** A change announced at this {@link System#nanoTime()} has had its work done. */
	public void done(long announcedAtNanos) {
		this.lag.record(System.nanoTime() - announcedAtNanos, TimeUnit.NANOSECONDS);
	}

	/** The lag of the changes done so far. */
	public Timer lag() {
		return this.lag;
	}

}
