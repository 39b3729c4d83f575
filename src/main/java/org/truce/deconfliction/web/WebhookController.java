package org.truce.deconfliction.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.deconfliction.application.ManagingWebhooks;
import org.truce.deconfliction.model.Webhook;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.PathIds;

/** Webhook subscriptions, their delivery logs and replays: admins. */
@RestController
class WebhookController {

	private final ManagingWebhooks webhooks;

	private final RowCaps caps;

	WebhookController(ManagingWebhooks webhooks, RowCaps caps) {
		this.caps = caps;
		this.webhooks = webhooks;
	}

	/** What an admin posts. */
	record NewSubscription(String url, String secret) {

	}

	@Operation(summary = "Subscribe a URL to proximity alerts (admins)",
			description = "Every alert raised from now on, except those about declared positions, is POSTed to the"
					+ " url as JSON with the headers Truce-Event: alert, Truce-Delivery (the delivery id),"
					+ " Truce-Timestamp (Unix seconds) and Truce-Signature: sha256=<hex of HMAC-SHA256 keyed with the"
					+ " secret's UTF-8 bytes over the UTF-8 bytes of timestamp + '.' + body>. Leave out secret to have"
					+ " one made; it is returned here once and never shown again. A non-2xx answer, a refused"
					+ " connection or a timeout is retried with exponential backoff. The url must be public: a host"
					+ " that is or resolves to a loopback, link-local, private, multicast, unspecified or other"
					+ " non-public address is refused (422 WEBHOOK_TARGET_NOT_ALLOWED, field url) unless the"
					+ " operator allow-lists it (truce.webhooks.allowed-targets); each delivery checks again.")
	@PostMapping(path = "/api/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> subscribe(@RequestBody NewSubscription body) {
		Webhook.Subscription s = this.webhooks.subscribe(body.url(), body.secret(), signedIn().userId());
		Map<String, Object> view = view(s);
		view.put("secret", s.secret());
		return ResponseEntity.created(URI.create("/api/webhooks/" + s.id() + "/deliveries")).body(view);
	}

	@Operation(summary = "Every webhook subscription, without its secret (admins)")
	@GetMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> list() {
		return RowCaps.items(this.caps.cut("webhooks", this.webhooks.subscriptions(this.caps.ask("webhooks")))
			.stream()
			.map(WebhookController::view)
			.toList());
	}

	@Operation(summary = "A subscription's delivery log, newest first (admins)",
			description = "Each delivery with its alert, status (PENDING, DELIVERED, FAILED), body, the time of its"
					+ " next attempt, and every attempt: when, the class of the HTTP status (2xx, 4xx, 5xx…) or"
					+ " why there was none (refused: …, timed out, connection failed, TLS failed, malformed"
					+ " response), and how long it took. Nothing else of the target's answer is kept.")
	@GetMapping(path = "/api/webhooks/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> deliveries(@PathVariable String id) {
		UUID subscription = PathIds.uuid(id, "/api/webhooks/" + id + "/deliveries");
		List<Map<String, Object>> items = this.caps
			.cut("webhook-deliveries", this.webhooks.log(subscription, this.caps.ask("webhook-deliveries")))
			.stream()
			.map(l -> {
				Map<String, Object> m = view(l.delivery());
				m.put("attempts", l.attempts().stream().map(WebhookController::view).toList());
				return m;
			})
			.toList();
		return RowCaps.items(items);
	}

	@Operation(summary = "Send a delivery again (admins)",
			description = "Makes a new delivery of the same body to the same subscription, with its own attempts and a"
					+ " fresh timestamp and signature, naming the delivery it replays (replayOf). 202: queued.")
	@PostMapping(path = "/api/webhooks/deliveries/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> replay(@PathVariable String id) {
		Webhook.Delivery d = this.webhooks.replay(PathIds.uuid(id, "/api/webhooks/deliveries/" + id));
		return ResponseEntity.accepted().body(view(d));
	}

	private static Map<String, Object> view(Webhook.Subscription s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", s.id().toString());
		m.put("url", s.url());
		m.put("createdBy", s.createdBy());
		m.put("createdAt", s.createdAt().toString());
		m.put("active", s.active());
		return m;
	}

	private static Map<String, Object> view(Webhook.Delivery d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", d.id().toString());
		m.put("subscription", d.subscriptionId().toString());
		m.put("alert", d.alertId().toString());
		m.put("status", d.status().name());
		m.put("attempts", d.attempts());
		m.put("createdAt", d.createdAt().toString());
		if (d.status() == Webhook.Status.PENDING) {
			m.put("nextAttemptAt", d.nextAttemptAt().toString());
		}
		if (d.deliveredAt() != null) {
			m.put("deliveredAt", d.deliveredAt().toString());
		}
		if (d.replayOf() != null) {
			m.put("replayOf", d.replayOf().toString());
		}
		m.put("body", d.body());
		return m;
	}

	private static Map<String, Object> view(Webhook.Attempt a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("attempt", a.attempt());
		m.put("at", a.at().toString());
		if (a.statusCode() != null) {
			// The class only: the exact code, like the rest of the answer, is the
			// target's
			// to tell, and would make the log an oracle about what answers there.
			m.put("statusClass", (a.statusCode() / 100) + "xx");
		}
		if (a.error() != null) {
			m.put("error", a.error());
		}
		m.put("durationMillis", a.durationMillis());
		return m;
	}

	private static SignedIn signedIn() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

}
