package org.truce.identity.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Keeps what was read from the store for a key (a token's principal, a user's grants) for
 * a short time, so that a client sending many requests is not looked up on each. What is
 * kept is given back only while both hold: it is younger than the time to keep, and the
 * count of changes ({@code AccessChanges}) is the one read before it was read from the
 * store; a change made through this instance therefore takes effect on the next request,
 * one made elsewhere (another instance, a command run against the same store) within the
 * time to keep. At most {@code max} keys are kept: when full, all are forgotten. A time
 * of zero keeps nothing. Thread-safe.
 */
final class ShortLived<K, V> {

	private final long keepNanos;

	private final int max;

	private final LongSupplier changes;

	private final LongSupplier nanoTime;

	private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

	/**
	 * @param keep how long to keep what was read; zero (or less) keeps nothing
	 * @param max the most keys kept at once
	 * @param changes the count of changes that makes everything kept stale
	 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
	 */
	ShortLived(Duration keep, int max, LongSupplier changes, LongSupplier nanoTime) {
		this.keepNanos = keep.toNanos();
		this.max = Math.max(1, max);
		this.changes = changes;
		this.nanoTime = nanoTime;
	}

	private record Kept<V>(V value, long changes, long until) {

	}

	/**
	 * What was read for the key a moment ago, or what {@code read} reads now (and is
	 * kept, unless null or an exception).
	 */
	V get(K key, Function<K, V> read) {
		if (this.keepNanos <= 0) {
			return read.apply(key);
		}
		long changes = this.changes.getAsLong();
		long now = this.nanoTime.getAsLong();
		Kept<V> kept = this.kept.get(key);
		if (kept != null && kept.changes() == changes && now - kept.until() < 0) {
			return kept.value();
		}
		V value = read.apply(key);
		if (value != null) {
			if (this.kept.size() >= this.max) {
				this.kept.clear();
			}
			this.kept.put(key, new Kept<>(value, changes, now + this.keepNanos));
		}
		return value;
	}

	/** The number of keys kept now (stale ones included, until they are replaced). */
	int size() {
		return this.kept.size();
	}

}
