package org.truce.deconfliction.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Webhook subscriptions, their deliveries and the attempts to send them. */
public final class Webhook {

	private Webhook() {
	}

	/**
	 * Where to POST alerts, and the secret that signs them.
	 *
	 * @param url an absolute http or https URL
	 */
	public record Subscription(UUID id, String url, String secret, String createdBy, Instant createdAt,
			boolean active) {

	}

	/** Where a delivery stands. */
	public enum Status {

		/** Not yet sent, or to be sent again at {@code nextAttemptAt}. */
		PENDING,
		/** A 2xx answer was received. */
		DELIVERED,
		/** Every attempt failed. */
		FAILED

	}

	/**
	 * One alert to one subscription.
	 *
	 * @param body the JSON sent, byte for byte
	 * @param attempts how many attempts were made
	 * @param replayOf the delivery this one replays, or null
	 */
	public record Delivery(UUID id, UUID subscriptionId, UUID alertId, String body, Status status, int attempts,
			Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, UUID replayOf) {

	}

	/**
	 * One attempt to send a delivery.
	 *
	 * @param statusCode the HTTP status received, or null when none was (refused, timed
	 * out)
	 * @param error why it failed without a status, or null
	 */
	public record Attempt(UUID deliveryId, int attempt, Instant at, Integer statusCode, String error,
			long durationMillis) {

		public boolean succeeded() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	/** A delivery with its attempts, oldest first. */
	public record Logged(Delivery delivery, List<Attempt> attempts) {

	}

	/**
	 * When to try again: after {@code initial · multiplier^(attempts−1)}, at most
	 * {@code max}; no more tries after {@code maxAttempts} attempts.
	 */
	public record Backoff(Duration initial, double multiplier, Duration max, int maxAttempts) {

		public Backoff {
			if (initial.isNegative() || max.isNegative() || multiplier < 1 || maxAttempts < 1) {
				throw new IllegalArgumentException("invalid backoff");
			}
		}

		/**
		 * The delay after the given number of failed attempts (from 1), or null to give
		 * up.
		 */
		public Duration after(int failedAttempts) {
			if (failedAttempts >= this.maxAttempts) {
				return null;
			}
			double millis = this.initial.toMillis() * Math.pow(this.multiplier, failedAttempts - 1);
			return Duration.ofMillis((long) Math.min(millis, this.max.toMillis()));
		}

	}

}
