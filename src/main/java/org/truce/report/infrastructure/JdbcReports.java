package org.truce.report.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.NameMatch;
import org.truce.report.application.Reports;
import org.truce.report.model.Attachment;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.DataFlag;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.SourceFields;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.report.model.WhoActed;
import org.truce.shared.TextLanguage;
import org.truce.store.StoreDialect;

/**
 * Reports in SQLite or PostgreSQL. The SQL is shared; {@link StoreDialect} supplies what
 * differs.
 */
@Repository
class JdbcReports implements Reports {

	private static final String COLUMNS = "t.seq, t.id, t.event_type, t.event_type_basis, t.time_start, t.time_end,"
			+ " t.time_precision, t.lat, t.lon, t.location_precision, t.uncertainty_m, t.place_name, t.admin1,"
			+ " t.admin2, t.actor_text, t.actor_id, t.actor_status, t.actor_candidates, t.target_text, t.target_id,"
			+ " t.target_status, t.target_candidates, t.casualties, t.narrative, t.source_id, t.external_id,"
			+ " t.attachments, t.flags, t.recorded_at, t.request_digest, t.who_acted, t.equipment, t.submitter,"
			+ " t.narrative_lang, t.narrative_lang_detected, t.actor_match, t.target_match, t.source_format,"
			+ " t.source_fields";

	private static final String INSERT = "INSERT INTO reports (id, event_type, event_type_basis, time_start,"
			+ " time_end, time_precision, lat, lon, location_precision, uncertainty_m, place_name, admin1, admin2,"
			+ " actor_text, actor_id, actor_status, actor_candidates, target_text, target_id, target_status,"
			+ " target_candidates, casualties, narrative, source_id, external_id, attachments, flags, recorded_at,"
			+ " idempotency_key, request_digest, who_acted, equipment, submitter, narrative_lang,"
			+ " narrative_lang_detected, actor_match, target_match, source_format, source_fields)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			+ " ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";

	private static final TypeReference<List<Attachment>> ATTACHMENTS = new TypeReference<>() {
	};

	private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final StoreDialect dialect;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Writes a dataset's row with its columns in the file's order, not sorted by name.
	 */
	private final JsonMapper rows = JsonMapper.builder()
		.disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	JdbcReports(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.dialect = dialect;
	}

	/**
	 * Sends the inserts as one JDBC batch (one round trip to PostgreSQL, one native loop
	 * in SQLite) and then reads back, one by one, only the reports whose key was already
	 * stored.
	 */
	@Override
	public List<Appended> append(List<NewReport> reports) {
		if (reports.isEmpty()) {
			return List.of();
		}
		return this.tx.execute(status -> {
			List<Object[]> rows = new ArrayList<>(reports.size());
			for (NewReport item : reports) {
				rows.add(insertParams(item).toArray());
			}
			int[] inserted = this.batch.batchUpdate(INSERT, rows);
			List<Appended> out = new ArrayList<>(reports.size());
			for (int i = 0; i < reports.size(); i++) {
				NewReport item = reports.get(i);
				if (inserted[i] == 1 || (inserted[i] == Statement.SUCCESS_NO_INFO && item.idempotencyKey() == null)) {
					out.add(new Appended(item.report(), true, item.requestDigest()));
					continue;
				}
				Appended stored = byIdempotencyKey(item.idempotencyKey())
					.orElseThrow(() -> new IllegalStateException("insert ignored but no report holds its key"));
				// A driver that does not count rows per statement leaves only the id to
				// tell
				// whether this item was the one stored.
				out.add(stored.report().id().equals(item.report().id())
						? new Appended(item.report(), true, item.requestDigest()) : stored);
			}
			return out;
		});
	}

	private Optional<Appended> byIdempotencyKey(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM reports t WHERE t.idempotency_key = ?")
			.param(key)
			.query((rs, n) -> new Appended(map(rs), false, rs.getString("request_digest")))
			.optional();
	}

	private List<Object> insertParams(NewReport item) {
		Report r = item.report();
		if (r.sourceId() == null) {
			throw new IllegalArgumentException("a report is stored with its source; " + r.id() + " has none");
		}
		Location where = r.where();
		return Arrays.asList(this.dialect.uuid(r.id()), r.eventType().code(), r.eventTypeBasis(),
				this.dialect.instant(r.when().start()), this.dialect.instant(r.when().end()),
				r.when().precision().name(), where.latitude(), where.longitude(), where.precision().name(),
				where.uncertaintyMetres(), where.placeName(), where.admin1(), where.admin2(), text(r.actor()),
				id(r.actor()), status(r.actor()), candidates(r.actor()), text(r.target()), id(r.target()),
				status(r.target()), candidates(r.target()), this.json.writeValueAsString(r.casualties()), r.narrative(),
				r.sourceId(), r.externalId(),
				r.attachments().isEmpty() ? null : this.json.writeValueAsString(r.attachments()), flags(r.flags()),
				this.dialect.instant(r.recordedAt()), item.idempotencyKey(), item.requestDigest(),
				r.whoActed().equals(WhoActed.ACTOR) ? null : this.json.writeValueAsString(r.whoActed()),
				r.equipment() == null ? null : r.equipment().name(), r.submitter(),
				r.narrativeLanguage() == null ? null : r.narrativeLanguage().tag(),
				r.narrativeLanguage() == null ? null : r.narrativeLanguage().detected(), match(r.actor()),
				match(r.target()), r.sourceFields() == null ? null : r.sourceFields().format(),
				r.sourceFields() == null ? null : this.rows.writeValueAsString(r.sourceFields().values()));
	}

	@Override
	public Optional<Report> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM reports t WHERE t.id = ?")
			.param(this.dialect.uuid(id))
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public Map<UUID, String> sourceIds(Collection<UUID> ids) {
		Map<UUID, String> out = new HashMap<>();
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 500) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
			this.jdbc.sql("SELECT id, source_id FROM reports WHERE id IN (" + placeholders(chunk.size()) + ")")
				.params(chunk.stream().map(this.dialect::uuid).toList())
				.query(rs -> {
					out.put(UUID.fromString(rs.getString("id")), rs.getString("source_id"));
				});
		}
		return out;
	}

	@Override
	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM reports").query(Long.class).single();
	}

	/**
	 * Filters in SQL. Under a scope with an at-risk grid, a spatial filter matches a
	 * report from an at-risk source by the centre of its grid cell, the point the reader
	 * is shown, never by its exact point: the index prefilter is widened by the farthest
	 * a point can lie from its cell's centre, and the exact tests run on the point shown.
	 */
	@Override
	public ReportPage find(ReportQuery q) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
		CoarseGrid grid = q.scope().atRiskGrid();
		boolean coarse = grid != null && (q.near() != null || q.bbox() != null);
		if (q.near() != null) {
			double widen = coarse ? grid.maxDisplacementMetres() : 0;
			sql.append(this.dialect.fromWithinCircle("reports", q.near().latitude(), q.near().longitude(),
					q.near().radiusMetres() + widen, params));
		}
		else if (q.bbox() != null) {
			ReportQuery.BoundingBox b = coarse ? widen(q.bbox(), grid.degrees() / 2 + 1e-9) : q.bbox();
			sql.append(this.dialect.fromWithinBox("reports", b.minLon(), b.minLat(), b.maxLon(), b.maxLat(), params));
		}
		else {
			sql.append(" FROM reports t WHERE 1 = 1");
		}
		String lat = coarse ? ReportScopeSql.shown("t", "lat", grid) : "t.lat";
		String lon = coarse ? ReportScopeSql.shown("t", "lon", grid) : "t.lon";
		if (coarse && q.near() != null) {
			sql.append(" AND ")
				.append(this.dialect.pointWithinCircle(lat, lon, q.near().latitude(), q.near().longitude(),
						q.near().radiusMetres(), params));
		}
		if ((q.near() != null || coarse) && q.bbox() != null) {
			sql.append(" AND ").append(lon).append(" BETWEEN ? AND ? AND ").append(lat).append(" BETWEEN ? AND ?");
			params.addAll(List.of(q.bbox().minLon(), q.bbox().maxLon(), q.bbox().minLat(), q.bbox().maxLat()));
		}
		sql.append(ReportScopeSql.visible(q.scope(), "t", params));
		if (q.from() != null) {
			sql.append(" AND t.time_end >= ?");
			params.add(this.dialect.instant(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND t.time_start <= ?");
			params.add(this.dialect.instant(q.to()));
		}
		if (!q.types().isEmpty()) {
			sql.append(" AND t.event_type IN (").append(placeholders(q.types().size())).append(')');
			q.types().forEach(type -> params.add(type.code()));
		}
		if (!q.actorIds().isEmpty()) {
			String in = placeholders(q.actorIds().size());
			sql.append(" AND (t.actor_id IN (").append(in).append(") OR t.target_id IN (").append(in).append("))");
			params.addAll(q.actorIds());
			params.addAll(q.actorIds());
		}
		if (!q.sourceIds().isEmpty()) {
			sql.append(" AND t.source_id IN (").append(placeholders(q.sourceIds().size())).append(')');
			params.addAll(q.sourceIds());
		}
		if (q.sourceFields() != null) {
			sql.append(" AND t.source_format = ?");
			params.add(q.sourceFields().format());
			for (ReportQuery.FieldMatch match : q.sourceFields().matches()) {
				List<String> any = new ArrayList<>();
				for (String column : match.columns()) {
					String member = this.dialect.jsonMember("t.source_fields", column, params);
					any.add(member + " IN (" + placeholders(match.values().size()) + ")");
					params.addAll(match.values());
				}
				sql.append(" AND (").append(String.join(" OR ", any)).append(')');
			}
		}
		if (q.excludeCountryAggregates()) {
			sql.append(" AND t.location_precision <> ?");
			params.add(LocationPrecision.COUNTRY.name());
		}
		if (q.after() != null) {
			sql.append(" AND (t.time_start < ? OR (t.time_start = ? AND t.seq < ?))");
			params.add(this.dialect.instant(q.after().start()));
			params.add(this.dialect.instant(q.after().start()));
			params.add(q.after().seq());
		}
		sql.append(" ORDER BY t.time_start DESC, t.seq DESC LIMIT ?");
		params.add(q.limit() + 1);
		List<Long> seqs = new ArrayList<>();
		List<Report> reports = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			seqs.add(rs.getLong("seq"));
			return map(rs);
		}).list();
		if (reports.size() <= q.limit()) {
			return new ReportPage(reports, null);
		}
		List<Report> page = reports.subList(0, q.limit());
		Report last = page.get(page.size() - 1);
		return new ReportPage(List.copyOf(page), new ReportQuery.Cursor(last.when().start(), seqs.get(q.limit() - 1)));
	}

	private static ReportQuery.BoundingBox widen(ReportQuery.BoundingBox box, double degrees) {
		return new ReportQuery.BoundingBox(Math.max(-180, box.minLon() - degrees),
				Math.max(-90, box.minLat() - degrees), Math.min(180, box.maxLon() + degrees),
				Math.min(90, box.maxLat() + degrees));
	}

	private static String placeholders(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	private Report map(ResultSet rs) throws SQLException {
		TimeSpan when = new TimeSpan(this.dialect.instant(rs, "time_start"), this.dialect.instant(rs, "time_end"),
				TimePrecision.valueOf(rs.getString("time_precision")));
		Location where = new Location(rs.getDouble("lat"), rs.getDouble("lon"),
				LocationPrecision.valueOf(rs.getString("location_precision")), rs.getDouble("uncertainty_m"),
				rs.getString("place_name"), rs.getString("admin1"), rs.getString("admin2"));
		String casualties = rs.getString("casualties");
		String attachments = rs.getString("attachments");
		String equipment = rs.getString("equipment");
		return new Report(UUID.fromString(rs.getString("id")),
				EventType.valueOf(rs.getString("event_type").toUpperCase()), rs.getString("event_type_basis"), when,
				where, actorRef(rs, "actor"), actorRef(rs, "target"), CasualtiesJson.read(this.json, casualties),
				rs.getString("narrative"), rs.getString("source_id"), rs.getString("external_id"),
				attachments == null ? List.of() : this.json.readValue(attachments, ATTACHMENTS),
				parseFlags(rs.getString("flags")), this.dialect.instant(rs, "recorded_at"), whoActed(rs),
				equipment == null ? null : EquipmentClass.valueOf(equipment), rs.getString("submitter"),
				narrativeLanguage(rs), sourceFields(rs));
	}

	/**
	 * As stored; null for a report stored before languages were (detected again then).
	 */
	private static TextLanguage narrativeLanguage(ResultSet rs) throws SQLException {
		String tag = rs.getString("narrative_lang");
		return tag == null ? null : new TextLanguage(tag, rs.getBoolean("narrative_lang_detected"));
	}

	/**
	 * The columns in the order they were written: Jackson reads an object into a
	 * LinkedHashMap.
	 */
	private SourceFields sourceFields(ResultSet rs) throws SQLException {
		String format = rs.getString("source_format");
		String fields = rs.getString("source_fields");
		return format == null || fields == null ? null : new SourceFields(format, this.rows.readValue(fields, FIELDS));
	}

	private WhoActed whoActed(ResultSet rs) throws SQLException {
		String text = rs.getString("who_acted");
		return text == null ? WhoActed.ACTOR : this.json.readValue(text, WhoActed.class);
	}

	private ActorRef actorRef(ResultSet rs, String prefix) throws SQLException {
		String text = rs.getString(prefix + "_text");
		if (text == null) {
			return null;
		}
		String candidates = rs.getString(prefix + "_candidates");
		String match = rs.getString(prefix + "_match");
		return new ActorRef(text, rs.getString(prefix + "_id"),
				ActorRef.ResolutionStatus.valueOf(rs.getString(prefix + "_status")),
				candidates == null ? List.of() : List.of(candidates.split(",")),
				match == null ? null : this.json.readValue(match, NameMatch.class));
	}

	private String match(ActorRef ref) {
		return ref == null || ref.match() == null ? null : this.json.writeValueAsString(ref.match());
	}

	private static String text(ActorRef ref) {
		return ref == null ? null : ref.asReported();
	}

	private static String id(ActorRef ref) {
		return ref == null ? null : ref.actorId();
	}

	private static String status(ActorRef ref) {
		return ref == null ? null : ref.status().name();
	}

	private static String candidates(ActorRef ref) {
		return ref == null || ref.candidates().isEmpty() ? null : String.join(",", ref.candidates());
	}

	private static String flags(Set<DataFlag> flags) {
		return flags.isEmpty() ? null : flags.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Set<DataFlag> parseFlags(String text) {
		if (text == null || text.isEmpty()) {
			return Set.of();
		}
		EnumSet<DataFlag> out = EnumSet.noneOf(DataFlag.class);
		for (String name : text.split(",")) {
			out.add(DataFlag.valueOf(name));
		}
		return out;
	}

}
