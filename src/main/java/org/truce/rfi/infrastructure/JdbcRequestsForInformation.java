package org.truce.rfi.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.model.RequestForInformation;
import org.truce.store.StoreDialect;

/**
 * Requests for information in SQLite or PostgreSQL. An idempotent insert is
 * {@code ON CONFLICT (idempotency_key) DO NOTHING}: of two senders racing with one key,
 * one stores its request and the other reads it back. An answer is a conditional update
 * on the status and the version, so that of two answers only one is recorded.
 */
@Repository
class JdbcRequestsForInformation implements RequestsForInformation {

	private static final String COLUMNS = "t.id, t.incident_id, t.party, t.question, t.question_salt, t.deadline,"
			+ " t.requested_by, t.requested_by_side, t.requested_at, t.status, t.answer, t.answer_salt,"
			+ " t.answered_by, t.answered_at, t.version, t.request_digest";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcRequestsForInformation(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public Inserted insert(RequestForInformation r, String idempotencyKey, String requestDigest) {
		int inserted = this.jdbc
			.sql("INSERT INTO requests_for_information (id, incident_id, party, question, question_salt, deadline,"
					+ " requested_by, requested_by_side, requested_at, status, version, idempotency_key, request_digest)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING")
			.params(this.dialect.uuid(r.id()), this.dialect.uuid(r.incidentId()), r.party(), r.question(),
					r.questionSalt(), this.dialect.instant(r.deadline()), r.requestedBy(), r.requestedBySide(),
					this.dialect.instant(r.requestedAt()), r.version(), idempotencyKey, requestDigest)
			.update();
		if (inserted == 1) {
			return new Inserted(byId(r.id()).orElseThrow(), true, requestDigest);
		}
		return byIdempotencyKey(idempotencyKey)
			.orElseThrow(() -> new IllegalStateException("insert ignored but no request holds its key"));
	}

	@Override
	public Optional<Inserted> byIdempotencyKey(String idempotencyKey) {
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM requests_for_information t WHERE t.idempotency_key = ?")
			.param(idempotencyKey)
			.query((rs, n) -> new Inserted(map(rs), false, rs.getString("request_digest")))
			.optional();
	}

	@Override
	public Optional<RequestForInformation> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM requests_for_information t WHERE t.id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public boolean answer(UUID id, int expectedVersion, RequestForInformation.Answer answer) {
		return this.jdbc
			.sql("UPDATE requests_for_information SET status = 'ANSWERED', answer = ?, answer_salt = ?,"
					+ " answered_by = ?, answered_at = ?, version = version + 1"
					+ " WHERE id = ? AND version = ? AND status = 'OPEN'")
			.params(answer.text(), answer.salt(), answer.by(), this.dialect.instant(answer.at()), this.dialect.uuid(id),
					expectedVersion)
			.update() == 1;
	}

	@Override
	public List<RequestForInformation> aboutIncident(UUID incidentId, int limit) {
		// The incident and, transitively, every incident merged into it.
		return this.jdbc
			.sql("WITH RECURSIVE chain (id) AS (SELECT " + this.dialect.uuidFromText("?")
					+ " UNION SELECT i.id FROM incidents i JOIN chain c" + " ON i.merged_into = c.id) SELECT " + COLUMNS
					+ " FROM requests_for_information t WHERE t.incident_id IN (SELECT id FROM chain)"
					+ " ORDER BY t.deadline, t.id LIMIT ?")
			.param(incidentId.toString())
			.param(limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Override
	public List<RequestForInformation> find(Query query) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM requests_for_information t WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.parties() != null) {
			if (query.parties().isEmpty()) {
				return List.of();
			}
			sql.append(" AND t.party IN (")
				.append(String.join(", ", Collections.nCopies(query.parties().size(), "?")))
				.append(")");
			params.addAll(query.parties().stream().sorted().toList());
		}
		if (query.status() != null) {
			switch (query.status()) {
				case OPEN -> {
					sql.append(" AND t.status = 'OPEN' AND t.deadline >= ?");
					params.add(this.dialect.instant(query.now()));
				}
				case OVERDUE -> {
					sql.append(" AND t.status = 'OPEN' AND t.deadline < ?");
					params.add(this.dialect.instant(query.now()));
				}
				case ANSWERED -> sql.append(" AND t.status = 'ANSWERED'");
				case LATE -> sql.append(" AND t.status = 'ANSWERED' AND t.answered_at > t.deadline");
			}
		}
		sql.append(" ORDER BY t.deadline, t.id LIMIT ?");
		params.add(query.limit());
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	private RequestForInformation map(ResultSet rs) throws SQLException {
		String answer = rs.getString("answer");
		RequestForInformation.Answer answered = answer == null ? null : new RequestForInformation.Answer(answer,
				rs.getString("answer_salt"), rs.getString("answered_by"), this.dialect.instant(rs, "answered_at"));
		return new RequestForInformation(UUID.fromString(rs.getString("id")),
				UUID.fromString(rs.getString("incident_id")), rs.getString("party"), rs.getString("question"),
				rs.getString("question_salt"), this.dialect.instant(rs, "deadline"), rs.getString("requested_by"),
				rs.getString("requested_by_side"), this.dialect.instant(rs, "requested_at"), answered,
				rs.getInt("version"));
	}

}
