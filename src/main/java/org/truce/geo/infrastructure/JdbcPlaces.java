package org.truce.geo.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.model.NameKey;
import org.truce.actor.model.TransliterationKey;
import org.truce.geo.application.Places;
import org.truce.geo.model.Place;
import org.truce.geo.model.PlaceKind;

/** The gazetteer in SQLite or PostgreSQL; the SQL is the same for both. */
@Repository
class JdbcPlaces implements Places {

	private static final String COLUMNS = "name, name_ar, lat, lon, kind, admin1_pcode, source, source_ref";

	private static final String INSERT = "INSERT INTO places (name, name_ar, name_key, name_ar_key, lat, lon, kind,"
			+ " admin1_pcode, source, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** Orders kinds as {@link PlaceKind} declares them. */
	private static final String KIND_RANK;

	static {
		StringBuilder rank = new StringBuilder("CASE kind");
		for (PlaceKind kind : PlaceKind.values()) {
			rank.append(" WHEN '").append(kind.name()).append("' THEN ").append(kind.ordinal());
		}
		KIND_RANK = rank.append(" ELSE ").append(PlaceKind.values().length).append(" END").toString();
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	JdbcPlaces(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
	}

	@Override
	public void replaceSource(String source, List<Place> places) {
		List<Object[]> rows = new ArrayList<>(places.size());
		for (Place p : places) {
			if (!p.source().equals(source)) {
				throw new IllegalArgumentException(p.name() + " comes from " + p.source() + ", not " + source);
			}
			rows.add(new Object[] { p.name(), p.nameAr(), p.nameKey(),
					p.nameAr() == null ? null : NameKey.of(p.nameAr()), p.latitude(), p.longitude(), p.kind().name(),
					p.admin1Pcode(), p.source(), p.sourceRef() });
		}
		this.tx.executeWithoutResult(status -> {
			this.jdbc.sql("DELETE FROM places WHERE source = ?").param(source).update();
			this.template.batchUpdate(INSERT, rows);
		});
	}

	/**
	 * A name key holds only letters, digits and single spaces, so it never contains a
	 * LIKE wildcard and needs no escaping. A name in Arabic script is looked up among the
	 * Arabic names' keys; one in Cyrillic is first transliterated to Latin
	 * ({@link TransliterationKey#latin}) and looked up among the names' keys.
	 */
	@Override
	public List<Place> search(String name, int limit) {
		String key = NameKey.of(name);
		if (key.isEmpty() || limit < 1) {
			return List.of();
		}
		String latinKey = name.codePoints()
			.anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)
					? NameKey.of(TransliterationKey.latin(name)) : key;
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM places WHERE name_key = ? OR name_key LIKE ? OR name_ar_key = ?"
					+ " OR name_ar_key LIKE ? ORDER BY CASE WHEN name_key = ? OR name_ar_key = ? THEN 0 ELSE 1 END, "
					+ KIND_RANK + ", name, id LIMIT ?")
			.params(latinKey, latinKey + "%", key, key + "%", latinKey, key, limit)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Override
	public Map<String, Integer> countBySource() {
		Map<String, Integer> out = new LinkedHashMap<>();
		this.jdbc.sql("SELECT source, count(*) AS n FROM places GROUP BY source ORDER BY source")
			.query((RowCallbackHandler) rs -> out.put(rs.getString("source"), rs.getInt("n")));
		return out;
	}

	private static Place map(ResultSet rs) throws SQLException {
		return new Place(rs.getString("name"), rs.getString("name_ar"), rs.getDouble("lat"), rs.getDouble("lon"),
				PlaceKind.valueOf(rs.getString("kind")), rs.getString("admin1_pcode"), rs.getString("source"),
				rs.getString("source_ref"));
	}

}
