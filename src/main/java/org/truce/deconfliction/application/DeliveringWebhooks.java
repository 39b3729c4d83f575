package org.truce.deconfliction.application;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truce.deconfliction.model.Webhook;
import org.truce.deconfliction.model.WebhookSignature;
import org.truce.shared.BackgroundLoop;

/**
 * Sends pending webhook deliveries. Deliveries are stored before they are sent (with the
 * alert, or by a replay); a background poller claims those due, for a lease, and sends
 * each from a small pool of threads, so a restart (or another instance) resumes whatever
 * was not delivered. Each attempt is recorded; a non-2xx answer, a refused connection or
 * a timeout is retried after an exponential backoff until the attempts run out.
 *
 * <p>
 * Each request is {@code POST <url>} with the alert's JSON as its body and the headers
 * {@code Content-Type: application/json}, {@code Truce-Event: alert},
 * {@code Truce-Delivery: <delivery id>}, {@code Truce-Timestamp: <Unix seconds>} and
 * {@code Truce-Signature: sha256=<hex>} ({@link WebhookSignature}); the timestamp and
 * signature are fresh at each attempt.
 *
 * <p>
 * Each attempt resolves the URL's host once, checks every address against
 * {@link WebhookTargets} (public, or allow-listed) and connects to a checked address
 * ({@link WebhookPost}), so neither a subscription stored before a rule changed nor a
 * name that now answers a private address (DNS rebinding) reaches an internal service. A
 * refused target is recorded as a failed attempt ({@code refused: …}), and nothing is
 * sent. Of the target's answer only the status code is read; an attempt without one
 * records a category ({@code timed out}, {@code connection failed}, {@code TLS failed},
 * {@code malformed response}), never the target's words.
 *
 * <p>
 * Properties: {@code truce.webhooks.initial-backoff-ms} (default 1000),
 * {@code backoff-multiplier} (2), {@code max-backoff-ms} (600000), {@code max-attempts}
 * (10), {@code timeout-ms} (5000), {@code poll-ms} (1000), {@code senders} (4).
 */
@Component
public class DeliveringWebhooks extends BackgroundLoop {

	private static final Logger log = LoggerFactory.getLogger(DeliveringWebhooks.class);

	private static final int BATCH = 50;

	private final Webhooks webhooks;

	private final Clock clock;

	private final Webhook.Backoff backoff;

	private final Duration timeout;

	private final Duration poll;

	private final int senders;

	private final Semaphore wake = new Semaphore(0);

	private final Map<UUID, Webhook.Subscription> subscriptions = new ConcurrentHashMap<>();

	private ExecutorService pool;

	private final WebhookTargets targets;

	DeliveringWebhooks(Webhooks webhooks, WebhookTargets targets, Clock clock,
			@Value("${truce.webhooks.initial-backoff-ms:1000}") long initialBackoffMs,
			@Value("${truce.webhooks.backoff-multiplier:2}") double multiplier,
			@Value("${truce.webhooks.max-backoff-ms:600000}") long maxBackoffMs,
			@Value("${truce.webhooks.max-attempts:10}") int maxAttempts,
			@Value("${truce.webhooks.timeout-ms:5000}") long timeoutMs,
			@Value("${truce.webhooks.poll-ms:1000}") long pollMs, @Value("${truce.webhooks.senders:4}") int senders) {
		super("truce-webhook-poller", true, Duration.ofSeconds(5));
		this.webhooks = webhooks;
		this.targets = targets;
		this.clock = clock;
		this.backoff = new Webhook.Backoff(Duration.ofMillis(initialBackoffMs), multiplier,
				Duration.ofMillis(maxBackoffMs), maxAttempts);
		this.timeout = Duration.ofMillis(timeoutMs);
		this.poll = Duration.ofMillis(pollMs);
		this.senders = Math.max(1, senders);
	}

	public Webhook.Backoff backoff() {
		return this.backoff;
	}

	/** New deliveries were stored: look for due ones now. */
	@EventListener
	void on(AlertsRaised event) {
		wake();
	}

	public void wake() {
		this.wake.release();
	}

	@Override
	protected void loop() {
		while (isRunning()) {
			try {
				Instant now = this.clock.instant();
				// The lease outlasts every attempt of a batch on one sender.
				Instant until = now.plus(this.timeout.multipliedBy(BATCH + 2));
				List<Webhook.Delivery> due = this.webhooks.claimDue(now, until, BATCH);
				for (Webhook.Delivery d : due) {
					this.pool.execute(() -> send(d));
				}
				if (due.size() < BATCH) {
					long waitMs = this.poll.toMillis();
					Optional<Instant> next = this.webhooks.nextDue();
					if (next.isPresent()) {
						waitMs = Math.max(5,
								Math.min(waitMs, Duration.between(this.clock.instant(), next.get()).toMillis()));
					}
					this.wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS);
					this.wake.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("polling webhook deliveries failed: {}", ex.toString());
				pause(this.poll);
			}
		}
	}

	/** Makes one attempt and records it. */
	void send(Webhook.Delivery d) {
		Webhook.Subscription s = this.subscriptions.computeIfAbsent(d.subscriptionId(),
				id -> this.webhooks.subscription(id).orElse(null));
		int attempt = d.attempts() + 1;
		Instant at = this.clock.instant();
		long t0 = System.nanoTime();
		Integer status = null;
		String error = null;
		if (s == null) {
			error = "the subscription no longer exists";
		}
		else {
			String timestamp = Long.toString(at.getEpochSecond());
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("User-Agent", "Truce-Webhooks");
			headers.put("Truce-Event", "alert");
			headers.put("Truce-Delivery", d.id().toString());
			headers.put("Truce-Timestamp", timestamp);
			headers.put("Truce-Signature", WebhookSignature.sign(s.secret(), timestamp, d.body()));
			try {
				WebhookTargets.Checked target = this.targets.check(URI.create(s.url()));
				status = WebhookPost.post(target, headers, d.body().getBytes(StandardCharsets.UTF_8), this.timeout);
			}
			catch (WebhookTargets.Refused ex) {
				error = "refused: " + ex.getMessage();
			}
			catch (WebhookPost.Failed ex) {
				error = ex.getMessage();
			}
			catch (IllegalArgumentException ex) {
				error = "not an absolute http or https URL";
			}
		}
		long millis = (System.nanoTime() - t0) / 1_000_000;
		Webhook.Attempt a = new Webhook.Attempt(d.id(), attempt, at, status, error == null ? null : truncate(error),
				millis);
		Instant now = this.clock.instant();
		if (a.succeeded()) {
			this.webhooks.attempted(a, Webhook.Status.DELIVERED, now);
			return;
		}
		Duration delay = s == null ? null : this.backoff.after(attempt);
		if (delay == null) {
			this.webhooks.attempted(a, Webhook.Status.FAILED, now);
		}
		else {
			this.webhooks.attempted(a, Webhook.Status.PENDING, now.plus(delay));
			wake();
		}
	}

	private static String truncate(String s) {
		return s.length() > 500 ? s.substring(0, 500) : s;
	}

	@Override
	public void start() {
		this.pool = Executors.newFixedThreadPool(this.senders, r -> {
			Thread t = new Thread(r, "truce-webhook-sender");
			t.setDaemon(true);
			return t;
		});
		super.start();
	}

	@Override
	protected void stopping() {
		wake();
	}

	@Override
	public void stop() {
		super.stop();
		if (this.pool != null) {
			this.pool.shutdownNow();
		}
	}

}
