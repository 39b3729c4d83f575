package org.truce.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (an account, an address) in a sliding window and locks a key
 * that reaches the limit until its oldest failure leaves the window. Kept in memory: each
 * server instance counts on its own, so with several instances the limit applies per
 * instance.
 */
final class Throttle {

	private static final int MAX_KEYS = 100_000;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	Throttle(int limit, Duration window, Clock clock) {
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/** How long the key stays locked, or empty when it is not. */
	Optional<Duration> lockedFor(String key) {
		Deque<Instant> times = this.failures.get(key);
		if (times == null) {
			return Optional.empty();
		}
		synchronized (times) {
			Instant now = this.clock.instant();
			prune(times, now);
			if (times.size() < this.limit) {
				return Optional.empty();
			}
			return Optional.of(Duration.between(now, times.peekFirst().plus(this.window)));
		}
	}

	void failed(String key) {
		if (this.failures.size() >= MAX_KEYS) {
			Instant now = this.clock.instant();
			this.failures.values().removeIf(times -> {
				synchronized (times) {
					prune(times, now);
					return times.isEmpty();
				}
			});
		}
		Deque<Instant> times = this.failures.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			times.addLast(this.clock.instant());
			while (times.size() > this.limit) {
				times.removeFirst();
			}
		}
	}

	void succeeded(String key) {
		this.failures.remove(key);
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant oldest = now.minus(this.window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
			times.removeFirst();
		}
	}

}
