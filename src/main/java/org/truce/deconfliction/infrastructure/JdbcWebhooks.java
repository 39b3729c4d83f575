package org.truce.deconfliction.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.application.Webhooks;
import org.truce.deconfliction.model.Webhook;
import org.truce.store.StoreDialect;

/**
 * Webhook subscriptions, deliveries and attempts in SQLite or PostgreSQL. A sender claims
 * a delivery by setting its lease ({@code claimed_until}) with a conditional update, so
 * two senders (two instances) never both hold it.
 */
@Repository
class JdbcWebhooks implements Webhooks {

	private static final String DELIVERY = "id, subscription_id, alert_id, body, status, attempts, next_attempt_at,"
			+ " created_at, delivered_at, replay_of";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	private final TransactionTemplate tx;

	JdbcWebhooks(JdbcClient jdbc, StoreDialect dialect, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.tx = tx;
	}

	@Override
	public void add(Webhook.Subscription s) {
		this.jdbc
			.sql("INSERT INTO webhook_subscriptions (id, url, secret, created_by, created_at, active)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(this.dialect.uuid(s.id()), s.url(), s.secret(), s.createdBy(), this.dialect.instant(s.createdAt()),
					s.active())
			.update();
	}

	@Override
	public Optional<Webhook.Subscription> subscription(UUID id) {
		return this.jdbc
			.sql("SELECT id, url, secret, created_by, created_at, active FROM webhook_subscriptions WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> subscription(rs))
			.optional();
	}

	@Override
	public List<Webhook.Subscription> subscriptions(int limit) {
		return this.jdbc.sql(
				"SELECT id, url, secret, created_by, created_at, active FROM webhook_subscriptions ORDER BY id LIMIT ?")
			.param(limit)
			.query((rs, n) -> subscription(rs))
			.list();
	}

	@Override
	public void enqueue(List<Webhook.Delivery> deliveries) {
		for (Webhook.Delivery d : deliveries) {
			this.jdbc.sql("INSERT INTO webhook_deliveries (" + DELIVERY + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(this.dialect.uuid(d.id()), this.dialect.uuid(d.subscriptionId()),
						this.dialect.uuid(d.alertId()), d.body(), d.status().name(), d.attempts(),
						this.dialect.instant(d.nextAttemptAt()), this.dialect.instant(d.createdAt()),
						this.dialect.instant(d.deliveredAt()),
						d.replayOf() == null ? null : this.dialect.uuid(d.replayOf()))
				.update();
		}
	}

	@Override
	public List<Webhook.Delivery> claimDue(Instant now, Instant until, int limit) {
		List<Webhook.Delivery> due = this.jdbc
			.sql("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ?"
					+ " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at LIMIT ?")
			.params(this.dialect.instant(now), this.dialect.instant(now), limit)
			.query((rs, n) -> delivery(rs))
			.list();
		List<Webhook.Delivery> claimed = new ArrayList<>();
		for (Webhook.Delivery d : due) {
			int n = this.jdbc
				.sql("UPDATE webhook_deliveries SET claimed_until = ? WHERE id = ? AND status = 'PENDING'"
						+ " AND (claimed_until IS NULL OR claimed_until < ?)")
				.params(this.dialect.instant(until), this.dialect.uuid(d.id()), this.dialect.instant(now))
				.update();
			if (n == 1) {
				claimed.add(d);
			}
		}
		return claimed;
	}

	@Override
	public void attempted(Webhook.Attempt a, Webhook.Status status, Instant nextAttemptAt) {
		this.tx.executeWithoutResult(s -> {
			this.jdbc
				.sql("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error,"
						+ " duration_millis) VALUES (?, ?, ?, ?, ?, ?)")
				.params(this.dialect.uuid(a.deliveryId()), a.attempt(), this.dialect.instant(a.at()), a.statusCode(),
						a.error(), a.durationMillis())
				.update();
			this.jdbc.sql(
					"UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, claimed_until = NULL,"
							+ " delivered_at = ? WHERE id = ?")
				.params(status.name(), a.attempt(), this.dialect.instant(nextAttemptAt),
						status == Webhook.Status.DELIVERED ? this.dialect.instant(nextAttemptAt) : null,
						this.dialect.uuid(a.deliveryId()))
				.update();
		});
	}

	@Override
	public Optional<Webhook.Delivery> delivery(UUID id) {
		return this.jdbc.sql("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> delivery(rs))
			.optional();
	}

	@Override
	public List<Webhook.Logged> log(UUID subscriptionId, int limit) {
		List<Webhook.Delivery> deliveries = this.jdbc
			.sql("SELECT " + DELIVERY + " FROM webhook_deliveries WHERE subscription_id = ? ORDER BY id DESC LIMIT ?")
			.params(this.dialect.uuid(subscriptionId), limit)
			.query((rs, n) -> delivery(rs))
			.list();
		Map<UUID, List<Webhook.Attempt>> attempts = new LinkedHashMap<>();
		deliveries.forEach(d -> attempts.put(d.id(), new ArrayList<>()));
		if (!deliveries.isEmpty()) {
			this.jdbc
				.sql("SELECT a.delivery_id, a.attempt, a.attempted_at, a.status_code, a.error, a.duration_millis"
						+ " FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id"
						+ " WHERE d.subscription_id = ? ORDER BY a.attempt")
				.param(this.dialect.uuid(subscriptionId))
				.query((rs, n) -> attempt(rs))
				.list()
				.forEach(a -> {
					List<Webhook.Attempt> of = attempts.get(a.deliveryId());
					if (of != null) {
						of.add(a);
					}
				});
		}
		return deliveries.stream().map(d -> new Webhook.Logged(d, List.copyOf(attempts.get(d.id())))).toList();
	}

	@Override
	public Optional<Instant> nextDue() {
		return this.jdbc
			.sql("SELECT next_attempt_at FROM webhook_deliveries WHERE status = 'PENDING'"
					+ " ORDER BY next_attempt_at LIMIT 1")
			.query((rs, n) -> this.dialect.instant(rs, "next_attempt_at"))
			.optional();
	}

	private Webhook.Subscription subscription(ResultSet rs) throws SQLException {
		return new Webhook.Subscription(UUID.fromString(rs.getString("id")), rs.getString("url"),
				rs.getString("secret"), rs.getString("created_by"), this.dialect.instant(rs, "created_at"),
				rs.getBoolean("active"));
	}

	private Webhook.Delivery delivery(ResultSet rs) throws SQLException {
		String replayOf = rs.getString("replay_of");
		return new Webhook.Delivery(UUID.fromString(rs.getString("id")),
				UUID.fromString(rs.getString("subscription_id")), UUID.fromString(rs.getString("alert_id")),
				rs.getString("body"), Webhook.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				this.dialect.instant(rs, "next_attempt_at"), this.dialect.instant(rs, "created_at"),
				this.dialect.instant(rs, "delivered_at"), replayOf == null ? null : UUID.fromString(replayOf));
	}

	private Webhook.Attempt attempt(ResultSet rs) throws SQLException {
		int code = rs.getInt("status_code");
		Integer status = rs.wasNull() ? null : code;
		return new Webhook.Attempt(UUID.fromString(rs.getString("delivery_id")), rs.getInt("attempt"),
				this.dialect.instant(rs, "attempted_at"), status, rs.getString("error"), rs.getLong("duration_millis"));
	}

}
