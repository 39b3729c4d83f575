package org.truce.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.truce.identity.application.FailedAttempts;

/**
 * Counts failures of one kind per key (an account, an address) in a sliding window and
 * locks a key that reaches the limit until its oldest counted failure leaves the window.
 * The failures are in the store ({@link FailedAttempts}), so that every instance on one
 * database counts them together: failures split across instances lock a key at the same
 * count as on one instance.
 */
final class Throttle {

	private final String kind;

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final FailedAttempts failures;

	Throttle(String kind, int limit, Duration window, Clock clock, FailedAttempts failures) {
		this.kind = kind;
		this.limit = limit;
		this.window = window;
		this.clock = clock;
		this.failures = failures;
	}

	/** How long the key stays locked, or empty when it is not. */
	Optional<Duration> lockedFor(String key) {
		Instant now = this.clock.instant();
		List<Instant> newest = this.failures.newestAfter(this.kind, key, now.minus(this.window), this.limit);
		if (newest.size() < this.limit) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, newest.get(newest.size() - 1).plus(this.window)));
	}

	void failed(String key) {
		Instant now = this.clock.instant();
		this.failures.forgetUntil(now.minus(this.window));
		this.failures.add(this.kind, key, now);
	}

	void succeeded(String key) {
		this.failures.clear(this.kind, key);
	}

}
