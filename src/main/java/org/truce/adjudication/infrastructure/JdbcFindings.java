package org.truce.adjudication.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.adjudication.application.Findings;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.MissingFact;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.Reason;
import org.truce.adjudication.model.StoredFinding;
import org.truce.report.infrastructure.ReportScopeSql;
import org.truce.report.model.ReportQuery;
import org.truce.store.StoreDialect;

@Repository
class JdbcFindings implements Findings {

	private static final String COLUMNS = "incident_id, agreement_id, agreement_version, term_id, view_id, outcome,"
			+ " missing, reasons, actor_id, zone_ids, external_ids, incident_start, incident_end, computed_at,"
			+ " possible_perpetrators";

	/** The view of a finding under an agreement without disputes, as stored. */
	private static final String NO_VIEW = "";

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcFindings(JdbcClient jdbc, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.dialect = dialect;
	}

	@Override
	public void replaceAgreement(String agreementId, List<StoredFinding> findings) {
		this.tx.executeWithoutResult(status -> {
			writing(agreementId);
			this.jdbc.sql("DELETE FROM findings WHERE agreement_id = ?").param(agreementId).update();
			findings.forEach(this::insert);
		});
	}

	@Override
	public void replaceIncidents(String agreementId, Map<String, List<StoredFinding>> findingsByIncident) {
		this.tx.executeWithoutResult(status -> {
			writing(agreementId);
			findingsByIncident.forEach((incidentId, findings) -> {
				this.jdbc.sql("DELETE FROM findings WHERE agreement_id = ? AND incident_id = ?")
					.params(agreementId, incidentId)
					.update();
				findings.forEach(this::insert);
			});
		});
	}

	/**
	 * Waits until no other transaction writes this agreement's findings: a full run and
	 * the background adjudicator (or two instances) rewrite overlapping rows in different
	 * orders, which would deadlock.
	 */
	private void writing(String agreementId) {
		String lock = this.dialect.lockUntilCommit();
		if (lock != null) {
			this.jdbc.sql(lock).param("findings:" + agreementId).query().listOfRows();
		}
	}

	private void insert(StoredFinding s) {
		Finding f = s.finding();
		String missing = f instanceof Finding.Undetermined u
				? String.join(",", u.missing().stream().map(Enum::name).toList()) : null;
		// An upsert: two instances (or the background adjudicator and a full run) may
		// recompute one incident at
		// once; findings are a pure function of the record, so the later write wins.
		this.jdbc.sql("INSERT INTO findings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
				+ " ON CONFLICT (incident_id, agreement_id, agreement_version, term_id, view_id) DO UPDATE SET"
				+ " outcome = excluded.outcome, missing = excluded.missing, reasons = excluded.reasons,"
				+ " actor_id = excluded.actor_id, zone_ids = excluded.zone_ids, external_ids = excluded.external_ids,"
				+ " incident_start = excluded.incident_start, incident_end = excluded.incident_end,"
				+ " computed_at = excluded.computed_at, possible_perpetrators = excluded.possible_perpetrators")
			.params(f.key().incidentId(), f.key().agreementId(), f.key().agreementVersion(), f.key().termId(),
					f.key().viewId() == null ? NO_VIEW : f.key().viewId(), f.outcome().name(), missing,
					this.json.writeValueAsString(f.reasons()), s.actorId(),
					s.zoneIds().isEmpty() ? null : String.join(",", s.zoneIds()),
					s.externalIds().isEmpty() ? null : String.join(";", s.externalIds()),
					this.dialect.instant(s.incidentStart()), this.dialect.instant(s.incidentEnd()),
					this.dialect.instant(s.computedAt()),
					s.possiblePerpetrators().isEmpty() ? null : String.join(",", s.possiblePerpetrators()))
			.update();
	}

	@Override
	public Page find(FindingQuery q) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM findings f WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		equal(sql, params, "agreement_id", q.agreementId());
		equal(sql, params, "term_id", q.termId());
		equal(sql, params, "actor_id", q.actorId());
		equal(sql, params, "incident_id", q.incidentId());
		equal(sql, params, "outcome", q.outcome() == null ? null : q.outcome().name());
		if (q.possiblePerpetratorId() != null) {
			sql.append(" AND (actor_id = ? OR (',' || possible_perpetrators || ',') LIKE ? ESCAPE '\\')");
			params.add(q.possiblePerpetratorId());
			params.add("%," + q.possiblePerpetratorId().replaceAll("([\\\\%_])", "\\\\$1") + ",%");
		}
		if (q.zoneId() != null) {
			sql.append(" AND (',' || zone_ids || ',') LIKE ?");
			params.add("%," + q.zoneId() + ",%");
		}
		if (q.from() != null) {
			sql.append(" AND incident_end >= ?");
			params.add(this.dialect.instant(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND incident_start <= ?");
			params.add(this.dialect.instant(q.to()));
		}
		sql.append(scoped(q.scope(), q.zoneId() != null, params));
		if (q.after() != null) {
			sql.append(" AND (incident_start < ? OR (incident_start = ? AND (incident_id < ?"
					+ " OR (incident_id = ? AND (term_id < ? OR (term_id = ? AND view_id < ?))))))");
			Object start = this.dialect.instant(q.after().incidentStart());
			String view = q.after().viewId() == null ? NO_VIEW : q.after().viewId();
			params.addAll(Arrays.asList(start, start, q.after().incidentId(), q.after().incidentId(),
					q.after().termId(), q.after().termId(), view));
		}
		sql.append(" ORDER BY incident_start DESC, incident_id DESC, term_id DESC, view_id DESC LIMIT ?");
		params.add(q.limit() + 1);
		List<StoredFinding> rows = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
		if (rows.size() <= q.limit()) {
			return new Page(rows, null);
		}
		List<StoredFinding> page = List.copyOf(rows.subList(0, q.limit()));
		StoredFinding last = page.get(page.size() - 1);
		return new Page(page, new FindingQuery.Cursor(last.incidentStart(), last.finding().key().incidentId(),
				last.finding().key().termId(), last.finding().key().viewId()));
	}

	/**
	 * The condition that the scope's reader may see every report the finding was computed
	 * from: its incident's first report (its id) and every other report of the incident.
	 * A finding computed in part from a report the reader may not see is left out here;
	 * {@link #incidentsSeenInPart} names those incidents, whose findings the reader is
	 * given as computed from the reports it sees. With a zone filter, also that no report
	 * of the incident is one whose place the reader sees only coarsened: the zones were
	 * found from the exact place, so matching them would locate it more closely than the
	 * reader may know. Also that the reader may see every side's claim about the
	 * incident, which the finding weighed. Incident ids are report ids, always uuids.
	 */
	private String scoped(ReportQuery.Scope scope, boolean byZone, List<Object> params) {
		StringBuilder sql = new StringBuilder();
		String anchor = this.dialect.uuidFromText("f.incident_id");
		if (!ReportScopeSql.visible(scope, "t", new ArrayList<>()).isEmpty()) {
			sql.append(" AND EXISTS (SELECT 1 FROM reports t WHERE t.id = ")
				.append(anchor)
				.append(ReportScopeSql.visible(scope, "t", params))
				.append(')');
			sql.append(" AND NOT EXISTS (SELECT 1 FROM incident_reports ir WHERE ir.incident_id = ")
				.append(anchor)
				.append(" AND NOT EXISTS (SELECT 1 FROM reports t WHERE t.id = ir.report_id")
				.append(ReportScopeSql.visible(scope, "t", params))
				.append("))");
			sql.append(" AND NOT ").append(hiddenClaim(scope, anchor, params));
		}
		if (byZone && scope.atRiskGrid() != null) {
			sql.append(" AND NOT EXISTS (SELECT 1 FROM reports t WHERE (t.id = ")
				.append(anchor)
				.append(" OR t.id IN (SELECT ir.report_id FROM incident_reports ir WHERE ir.incident_id = ")
				.append(anchor)
				.append(")) AND ")
				.append(ReportScopeSql.fromAtRiskSource("t"))
				.append(')');
		}
		return sql.toString();
	}

	/**
	 * The condition that the incident has a side's current claim that the reader of a
	 * scope other than the whole record may not see: for a liaison, another side's; for
	 * the public, any. Findings weigh every claim (contested attribution).
	 */
	private static String hiddenClaim(ReportQuery.Scope scope, String anchor, List<Object> params) {
		StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM incident_claims c WHERE c.incident_id = ")
			.append(anchor)
			.append(" AND c.superseded = ?");
		params.add(false);
		if (scope.concerning() != null && !scope.concerning().isEmpty()) {
			sql.append(" AND c.side NOT IN (")
				.append(String.join(", ", Collections.nCopies(scope.concerning().size(), "?")))
				.append(')');
			params.addAll(scope.concerning().stream().sorted().toList());
		}
		return sql.append(')').toString();
	}

	@Override
	public List<String> incidentsSeenInPart(String agreementId, ReportQuery.Scope scope) {
		List<Object> params = new ArrayList<>();
		if (ReportScopeSql.visible(scope, "t", params).isEmpty()) {
			return List.of();
		}
		params.clear();
		String anchor = this.dialect.uuidFromText("f.incident_id");
		StringBuilder sql = new StringBuilder("SELECT DISTINCT f.incident_id FROM findings f WHERE 1 = 1");
		equal(sql, params, "f.agreement_id", agreementId);
		sql.append(" AND EXISTS (SELECT 1 FROM incident_reports ir JOIN reports t ON t.id = ir.report_id")
			.append(" WHERE ir.incident_id = ")
			.append(anchor)
			.append(ReportScopeSql.visible(scope, "t", params))
			.append(')');
		sql.append(" AND (NOT EXISTS (SELECT 1 FROM reports t WHERE t.id = ")
			.append(anchor)
			.append(ReportScopeSql.visible(scope, "t", params))
			.append(") OR EXISTS (SELECT 1 FROM incident_reports ir WHERE ir.incident_id = ")
			.append(anchor)
			.append(" AND NOT EXISTS (SELECT 1 FROM reports t WHERE t.id = ir.report_id")
			.append(ReportScopeSql.visible(scope, "t", params))
			.append(")) OR ")
			.append(hiddenClaim(scope, anchor, params))
			.append(')');
		return this.jdbc.sql(sql.toString()).params(params).query(String.class).list();
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = ?");
			params.add(value);
		}
	}

	@Override
	public Map<Outcome, Long> countByOutcome(String agreementId, ReportQuery.Scope scope) {
		Map<Outcome, Long> out = new EnumMap<>(Outcome.class);
		for (Outcome o : Outcome.values()) {
			out.put(o, 0L);
		}
		List<Object> params = new ArrayList<>(List.of(agreementId));
		String scoped = scoped(scope, false, params);
		this.jdbc
			.sql("SELECT f.outcome, count(*) AS n FROM findings f WHERE f.agreement_id = ?" + scoped
					+ " GROUP BY f.outcome")
			.params(params)
			.query(rs -> {
				out.put(Outcome.valueOf(rs.getString("outcome")), rs.getLong("n"));
			});
		return out;
	}

	@Override
	public Map<String, Outcome> worstOutcomeByIncident(String agreementId, ReportQuery.Scope scope, int limit) {
		Map<String, Outcome> out = new java.util.LinkedHashMap<>();
		Outcome[] byRank = { Outcome.NO_VIOLATION, Outcome.UNDETERMINED, Outcome.VIOLATION };
		List<Object> params = new ArrayList<>(List.of(agreementId));
		String scoped = scoped(scope, false, params);
		this.jdbc
			.sql("SELECT f.incident_id, MAX(CASE f.outcome WHEN 'VIOLATION' THEN 2 WHEN 'UNDETERMINED' THEN 1 ELSE 0"
					+ " END) AS worst FROM findings f WHERE f.agreement_id = ?" + scoped
					+ " GROUP BY f.incident_id ORDER BY f.incident_id LIMIT ?")
			.params(params)
			.param(limit)
			.query(rs -> {
				out.put(rs.getString("incident_id"), byRank[rs.getInt("worst")]);
			});
		return out;
	}

	private StoredFinding map(ResultSet rs) throws SQLException {
		String view = rs.getString("view_id");
		Finding.Key key = new Finding.Key(rs.getString("incident_id"), rs.getString("agreement_id"),
				rs.getInt("agreement_version"), rs.getString("term_id"),
				view == null || view.equals(NO_VIEW) ? null : view);
		List<Reason> reasons = this.json.readValue(rs.getString("reasons"), REASONS);
		Finding finding = switch (Outcome.valueOf(rs.getString("outcome"))) {
			case VIOLATION -> new Finding.Violation(key, reasons);
			case NO_VIOLATION -> new Finding.NoViolation(key, reasons);
			case UNDETERMINED -> new Finding.Undetermined(key, missing(rs.getString("missing")), reasons);
		};
		String zones = rs.getString("zone_ids");
		String external = rs.getString("external_ids");
		String possible = rs.getString("possible_perpetrators");
		return new StoredFinding(finding, rs.getString("actor_id"),
				zones == null ? List.of() : List.of(zones.split(",")),
				external == null ? List.of() : List.of(external.split(";")), this.dialect.instant(rs, "incident_start"),
				this.dialect.instant(rs, "incident_end"), this.dialect.instant(rs, "computed_at"),
				possible == null ? List.of() : List.of(possible.split(",")));
	}

	private static List<MissingFact> missing(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(MissingFact::valueOf).toList();
	}

}
