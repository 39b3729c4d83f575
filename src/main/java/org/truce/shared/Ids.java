package org.truce.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered random identifiers: UUID version 7 (RFC 9562 §5.7), strictly increasing
 * within a millisecond in this process (§6.2, method 1: a 42-bit counter in
 * {@code rand_a} and the top of {@code rand_b}, started at a random value below half its
 * range at each new millisecond; the 32 bits after it stay random). Ids made by one
 * instance thus sort in the order they were made, which the alert stream's replay after
 * {@code Last-Event-ID} relies on. Thread-safe.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final long COUNTER_BITS = 42;

	private static final long COUNTER_MAX = (1L << COUNTER_BITS) - 1;

	private static long lastMillis = Long.MIN_VALUE;

	private static long counter;

	private Ids() {
	}

	public static UUID newId(Clock clock) {
		long millis = clock.millis();
		long count;
		synchronized (Ids.class) {
			if (millis != lastMillis || counter == COUNTER_MAX) {
				lastMillis = millis;
				counter = RANDOM.nextLong() & (COUNTER_MAX >>> 1);
			}
			else {
				counter++;
			}
			count = counter;
		}
		long high = (millis << 16) | 0x7000L | (count >>> 30);
		long low = 0x8000_0000_0000_0000L | ((count & 0x3FFF_FFFFL) << 32) | (RANDOM.nextInt() & 0xFFFF_FFFFL);
		return new UUID(high, low);
	}

}
