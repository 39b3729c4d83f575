package org.truce.deconfliction.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.model.Webhook;
import org.truce.shared.ErrorCode;
import org.truce.shared.Ids;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Admins' webhook subscriptions, their delivery logs and replays. */
@Service
public class ManagingWebhooks {

	public static final int MAX_URL = 2000;

	public static final int MIN_SECRET = 16;

	public static final int MAX_SECRET = 200;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Webhooks webhooks;

	private final DeliveringWebhooks sender;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final WebhookTargets targets;

	ManagingWebhooks(Webhooks webhooks, DeliveringWebhooks sender, WebhookTargets targets, TransactionTemplate tx,
			Clock clock) {
		this.webhooks = webhooks;
		this.targets = targets;
		this.sender = sender;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Subscribes a URL to every alert raised from now on (except those about declared
	 * positions).
	 * @param secret the signing secret, or null to have one made (32 random bytes, in
	 * hex)
	 * @throws RejectedException FIELD_REQUIRED, INVALID_VALUE (not an absolute http or
	 * https URL, or a secret shorter than {@value #MIN_SECRET} characters), TOO_LONG,
	 * WEBHOOK_TARGET_NOT_ALLOWED (the host is, or resolves to, an address that is not
	 * public and not allow-listed: {@link WebhookTargets}; a name that does not resolve
	 * yet is accepted, and checked again at each delivery)
	 */
	public Webhook.Subscription subscribe(String url, String secret, String by) {
		if (url == null || url.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "url"));
		}
		if (url.length() > MAX_URL) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "url"));
		}
		URI uri;
		try {
			uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new URISyntaxException(url, "not an absolute http or https URL");
			}
		}
		catch (URISyntaxException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "url", "webhookUrl"));
		}
		try {
			this.targets.check(uri);
		}
		catch (WebhookTargets.Refused ex) {
			if (!ex.unresolved()) {
				throw new RejectedException(Problem.with(ErrorCode.WEBHOOK_TARGET_NOT_ALLOWED, "url", ex.getMessage()));
			}
			// A name that does not resolve yet: each delivery checks it again.
		}
		if (secret != null && (secret.length() < MIN_SECRET || secret.isBlank())) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "secret", "secret", MIN_SECRET));
		}
		if (secret != null && secret.length() > MAX_SECRET) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "secret"));
		}
		String key = secret != null ? secret : newSecret();
		Webhook.Subscription s = new Webhook.Subscription(Ids.newId(this.clock), url.strip(), key, by,
				this.clock.instant(), true);
		this.tx.executeWithoutResult(status -> this.webhooks.add(s));
		return s;
	}

	public List<Webhook.Subscription> subscriptions() {
		return this.webhooks.subscriptions();
	}

	/** The first {@code limit} subscriptions, oldest first. */
	public List<Webhook.Subscription> subscriptions(int limit) {
		return this.webhooks.subscriptions(limit);
	}

	/** A subscription's deliveries, newest first, with every attempt. */
	public List<Webhook.Logged> log(UUID subscriptionId, int limit) {
		if (this.webhooks.subscription(subscriptionId).isEmpty()) {
			throw new RejectedException(
					Problem.of(ErrorCode.NOT_FOUND, "/api/webhooks/" + subscriptionId + "/deliveries"));
		}
		return this.webhooks.log(subscriptionId, limit);
	}

	/**
	 * Sends a delivery's body again, as a new delivery (with fresh attempts, timestamp
	 * and signature) that names the one it replays.
	 */
	public Webhook.Delivery replay(UUID deliveryId) {
		Webhook.Delivery original = this.webhooks.delivery(deliveryId)
			.orElseThrow(() -> new RejectedException(
					Problem.of(ErrorCode.NOT_FOUND, "/api/webhooks/deliveries/" + deliveryId)));
		Instant now = this.clock.instant();
		Webhook.Delivery replay = new Webhook.Delivery(Ids.newId(this.clock), original.subscriptionId(),
				original.alertId(), original.body(), Webhook.Status.PENDING, 0, now, now, null, original.id());
		this.tx.executeWithoutResult(status -> this.webhooks.enqueue(List.of(replay)));
		this.sender.wake();
		return replay;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
