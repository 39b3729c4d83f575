package org.truce.identity.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How fast each key (an API token, a client address) may send requests: a token bucket
 * per key that holds at most {@code burst} requests and refills at {@code perSecond}. A
 * request that finds the bucket empty is refused, and told how long until the next one
 * would be allowed. Kept in memory: each server instance counts on its own, so with
 * several instances the limit applies per instance. At most {@value #MAX_KEYS} keys are
 * kept; beyond that, full buckets (keys that have been quiet long enough) are forgotten.
 * Thread-safe.
 */
final class RequestRate {

	static final int MAX_KEYS = 100_000;

	private final double perNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * @param perSecond requests a second that each key may send over time; 0 or less
	 * turns the limit off
	 * @param burst requests a key may send at once after a quiet spell (at least 1)
	 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
	 */
	RequestRate(double perSecond, int burst, LongSupplier nanoTime) {
		this.perNano = perSecond / 1e9;
		this.burst = Math.max(1, burst);
		this.nanoTime = nanoTime;
	}

	boolean off() {
		return this.perNano <= 0;
	}

	/**
	 * Takes one request from the key's allowance: empty when it is allowed, or how long
	 * to wait (rounded up to a whole second, at least one) when it is refused.
	 */
	Optional<Duration> take(String key) {
		if (off()) {
			return Optional.empty();
		}
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= MAX_KEYS) {
			this.buckets.values().removeIf(bucket -> bucket.full(now));
			if (this.buckets.size() >= MAX_KEYS) {
				this.buckets.clear();
			}
		}
		Bucket bucket = this.buckets.computeIfAbsent(key, k -> new Bucket(this.burst, now));
		synchronized (bucket) {
			bucket.refill(now);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return Optional.empty();
			}
			double nanos = (1 - bucket.tokens) / this.perNano;
			return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(nanos / 1e9))));
		}
	}

	private final class Bucket {

		double tokens;

		long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

		void refill(long now) {
			if (now > this.at) {
				this.tokens = Math.min(RequestRate.this.burst,
						this.tokens + (now - this.at) * RequestRate.this.perNano);
				this.at = now;
			}
		}

		synchronized boolean full(long now) {
			refill(now);
			return this.tokens >= RequestRate.this.burst;
		}

	}

}
