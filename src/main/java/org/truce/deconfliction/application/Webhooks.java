package org.truce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.deconfliction.model.Webhook;

/** The store of webhook subscriptions, deliveries and attempts. */
public interface Webhooks {

	void add(Webhook.Subscription subscription);

	Optional<Webhook.Subscription> subscription(UUID id);

	/** Every subscription, oldest first. */
	default List<Webhook.Subscription> subscriptions() {
		return subscriptions(Integer.MAX_VALUE);
	}

	/** The first {@code limit} subscriptions, oldest first. */
	List<Webhook.Subscription> subscriptions(int limit);

	/** Stores deliveries to be sent, in the caller's transaction. */
	void enqueue(List<Webhook.Delivery> deliveries);

	/**
	 * Claims up to {@code limit} pending deliveries due by {@code now} that no other
	 * sender holds, for this sender until {@code until}.
	 */
	List<Webhook.Delivery> claimDue(Instant now, Instant until, int limit);

	/**
	 * Records an attempt and what follows it: delivered, failed for good, or pending
	 * again from {@code nextAttemptAt}; releases the claim.
	 */
	void attempted(Webhook.Attempt attempt, Webhook.Status status, Instant nextAttemptAt);

	Optional<Webhook.Delivery> delivery(UUID id);

	/** A subscription's deliveries, newest first, with their attempts. */
	List<Webhook.Logged> log(UUID subscriptionId, int limit);

	/** When the earliest pending delivery is due, if any. */
	Optional<Instant> nextDue();

}
