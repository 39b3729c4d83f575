package org.truce.bench;

import java.util.Arrays;

/**
 * Durations in nanoseconds, all kept so that percentiles are exact. Not thread-safe: give
 * each thread its own and {@link #addAll merge} them afterwards.
 */
public final class Samples {

	private long[] values = new long[1024];

	private int size;

	public void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	public void addAll(Samples other) {
		for (int i = 0; i < other.size; i++) {
			add(other.values[i]);
		}
	}

	public int count() {
		return this.size;
	}

	/** Mean, nearest-rank percentiles, maximum and total, in milliseconds. */
	public Summary summary() {
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		long total = 0;
		for (long v : sorted) {
			total += v;
		}
		if (sorted.length == 0) {
			return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
		}
		return new Summary(sorted.length, ms(total) / sorted.length, ms(rank(sorted, 0.50)), ms(rank(sorted, 0.90)),
				ms(rank(sorted, 0.99)), ms(sorted[sorted.length - 1]), ms(total));
	}

	private static long rank(long[] sorted, double p) {
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	/** A summary of samples; every time is in milliseconds. */
	public record Summary(int count, double mean, double p50, double p90, double p99, double max, double total) {

		public String line() {
			return String.format("n=%d mean=%.3f p50=%.3f p90=%.3f p99=%.3f max=%.3f ms", this.count, this.mean,
					this.p50, this.p90, this.p99, this.max);
		}

	}

}
