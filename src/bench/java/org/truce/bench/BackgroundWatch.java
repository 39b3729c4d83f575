package org.truce.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.incident.application.Incidents;

/**
 * Watches the server's background work during an intake run, through its meters
 * ({@code truce.background.queued} and {@code truce.background.lag}, see
 * {@code org.truce.shared.BackgroundWork}): the most changes waiting at any sample
 * (every 100 ms), then, once the load stops, how long the backlog takes to drain (the
 * queues empty and no stored report in no incident), and each work's lag from a report's
 * announcement to its work being done.
 */
final class BackgroundWatch implements AutoCloseable {

	static final String[] WORKS = { "clustering", "adjudication" };

	private final MeterRegistry registry;

	private final Incidents incidents;

	private final Map<String, Double> maxQueued = new LinkedHashMap<>();

	private final Thread sampler;

	private volatile boolean running = true;

	BackgroundWatch(ConfigurableApplicationContext context) {
		this.registry = context.getBeanProvider(MeterRegistry.class).getIfAvailable();
		this.incidents = context.getBean(Incidents.class);
		for (String w : WORKS) {
			this.maxQueued.put(w, 0.0);
		}
		this.sampler = new Thread(() -> {
			while (this.running) {
				for (String w : WORKS) {
					double q = queued(w);
					synchronized (this.maxQueued) {
						this.maxQueued.merge(w, q, Math::max);
					}
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "bench-background-watch");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	boolean available() {
		return this.registry != null && this.registry.find("truce.background.lag").timer() != null;
	}

	double queued(String work) {
		if (this.registry == null) {
			return Double.NaN;
		}
		Gauge g = this.registry.find("truce.background.queued").tag("work", work).gauge();
		return g == null ? Double.NaN : g.value();
	}

	/**
	 * Prints the backlog as the load stopped, waits (up to {@code maxSeconds}) for it to
	 * drain, and prints the time it took and each work's lag.
	 */
	void report(PrintWriter out, int maxSeconds) throws InterruptedException {
		this.running = false;
		this.sampler.join();
		if (this.registry == null) {
			out.println("  background: no meter registry in the server; lag not measured");
			return;
		}
		StringBuilder atEnd = new StringBuilder();
		for (String w : WORKS) {
			atEnd.append(String.format(Locale.ROOT, " %s %.0f queued (at most %.0f during the run);", w, queued(w),
					this.maxQueued.get(w)));
		}
		out.printf("  backlog:   as the load stopped:%s%n", atEnd);
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.SECONDS.toNanos(maxSeconds);
		boolean drained = false;
		while (System.nanoTime() < deadline) {
			if (queued("clustering") == 0 && queued("adjudication") == 0 && this.incidents.unclustered(1).isEmpty()) {
				drained = true;
				break;
			}
			Thread.sleep(20);
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		out.printf(Locale.ROOT, "  drained:   %s%n",
				drained ? String.format(Locale.ROOT, "%.2f s after the load stopped (queues empty, every report in an"
						+ " incident)", seconds) : "NOT within " + maxSeconds + " s");
		for (String w : WORKS) {
			Timer t = this.registry.find("truce.background.lag").tag("work", w).timer();
			if (t == null) {
				continue;
			}
			HistogramSnapshot s = t.takeSnapshot();
			StringBuilder pct = new StringBuilder();
			for (ValueAtPercentile v : s.percentileValues()) {
				pct.append(String.format(Locale.ROOT, " p%.0f=%.1f", v.percentile() * 100,
						v.value(TimeUnit.MILLISECONDS)));
			}
			out.printf(Locale.ROOT, "  lag:       %s, announced to done (whole run, warm-up included): n=%d"
					+ " mean=%.1f%s max=%.1f ms%n", w, s.count(), s.mean(TimeUnit.MILLISECONDS), pct,
					s.max(TimeUnit.MILLISECONDS));
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
	}

}
