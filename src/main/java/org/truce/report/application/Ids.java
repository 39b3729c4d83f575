package org.truce.report.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered random identifiers: UUID version 7 (RFC 9562 §5.7). Thread-safe. */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static UUID newId(Clock clock) {
		long millis = clock.millis();
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long low = 0x8000_0000_0000_0000L | (toLong(random, 2) & 0x3FFF_FFFF_FFFF_FFFFL);
		return new UUID(high, low);
	}

	private static long toLong(byte[] bytes, int offset) {
		long value = 0;
		for (int i = offset; i < offset + 8; i++) {
			value = (value << 8) | (bytes[i] & 0xFFL);
		}
		return value;
	}

}
