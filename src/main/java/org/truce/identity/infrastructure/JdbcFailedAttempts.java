package org.truce.identity.infrastructure;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.identity.application.FailedAttempts;
import org.truce.store.StoreDialect;

@Repository
class JdbcFailedAttempts implements FailedAttempts {

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcFailedAttempts(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void add(String kind, String key, Instant at) {
		this.jdbc.sql("INSERT INTO attempt_failures (kind, attempt_key, failed_at) VALUES (?, ?, ?)")
			.params(kind, key, this.dialect.instant(at))
			.update();
	}

	@Override
	public List<Instant> newestAfter(String kind, String key, Instant after, int limit) {
		return this.jdbc
			.sql("SELECT failed_at FROM attempt_failures WHERE kind = ? AND attempt_key = ? AND failed_at > ?"
					+ " ORDER BY failed_at DESC LIMIT ?")
			.params(kind, key, this.dialect.instant(after), limit)
			.query((rs, n) -> this.dialect.instant(rs, "failed_at"))
			.list();
	}

	@Override
	public void clear(String kind, String key) {
		this.jdbc.sql("DELETE FROM attempt_failures WHERE kind = ? AND attempt_key = ?").params(kind, key).update();
	}

	@Override
	public void forgetUntil(Instant before) {
		this.jdbc.sql("DELETE FROM attempt_failures WHERE failed_at <= ?").param(this.dialect.instant(before)).update();
	}

}
