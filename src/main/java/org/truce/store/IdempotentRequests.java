package org.truce.store;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Requests made with an {@code Idempotency-Key}, kept by (user, key) with the digest of
 * the request and the response first given. A request under a new key is claimed, done
 * and its response kept in one transaction; the same key with the same digest gets that
 * response again without doing anything; with another digest it is refused
 * ({@link ErrorCode#IDEMPOTENCY_KEY_REUSED}). A request that fails keeps nothing, so its
 * key may be used again.
 *
 * <p>
 * Concurrent requests under one key: the claim is an insert into the primary key, so the
 * second waits for the first to commit (PostgreSQL) or for the write lock (SQLite), then
 * finds its response.
 */
@Repository
public class IdempotentRequests {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	private final Clock clock;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate tx, StoreDialect dialect, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.dialect = dialect;
		this.clock = clock;
	}

	/** A response as it is kept: its HTTP status and body (JSON text). */
	public record Response(int status, String body) {

	}

	/**
	 * What {@link #once} answered.
	 *
	 * @param value what the work returned; null when the response was replayed
	 * @param replayed whether the work had been done before under the same key
	 */
	public record Answer<T>(T value, Response response, boolean replayed) {

	}

	/**
	 * Does {@code work} once for the user's key, in one transaction with the record of
	 * its response. Without a key, simply does it.
	 * @param key the client's key, or null
	 * @param digest what identifies the request (its method, path and body)
	 * @param response the response to keep for a result
	 */
	public <T> Answer<T> once(String userId, String key, String digest, Supplier<T> work,
			Function<T, Response> response) {
		if (key == null) {
			T value = work.get();
			return new Answer<>(value, response.apply(value), false);
		}
		String user = userId == null ? "" : userId;
		return this.tx.execute(status -> {
			int claimed = this.jdbc
				.sql("INSERT INTO idempotent_requests (user_id, idem_key, request_digest, created_at)"
						+ " VALUES (?, ?, ?, ?) ON CONFLICT (user_id, idem_key) DO NOTHING")
				.params(user, key, digest, this.dialect.instant(this.clock.instant()))
				.update();
			if (claimed == 0) {
				Stored stored = stored(user, key).orElseThrow();
				if (!stored.digest().equals(digest) || stored.status() == null) {
					throw new RejectedException(Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key"));
				}
				return new Answer<T>(null, new Response(stored.status(), stored.body()), true);
			}
			T value = work.get();
			Response made = response.apply(value);
			this.jdbc.sql("UPDATE idempotent_requests SET status = ?, body = ? WHERE user_id = ? AND idem_key = ?")
				.params(made.status(), made.body(), user, key)
				.update();
			return new Answer<>(value, made, false);
		});
	}

	private record Stored(String digest, Integer status, String body) {

	}

	private Optional<Stored> stored(String user, String key) {
		return this.jdbc
			.sql("SELECT request_digest, status, body FROM idempotent_requests WHERE user_id = ? AND idem_key = ?")
			.params(user, key)
			.query((rs, n) -> {
				int status = rs.getInt("status");
				return new Stored(rs.getString("request_digest"), rs.wasNull() ? null : status, rs.getString("body"));
			})
			.optional();
	}

}
