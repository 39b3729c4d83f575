package org.truce.ledger.infrastructure;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.model.Disclosure;

/**
 * Disclosures in {@code ledger_disclosures}, the same SQL on SQLite and PostgreSQL. A
 * value is stored as its canonical JSON text, exactly the text hashed into the commitment
 * (TEXT, not PostgreSQL's jsonb, which would reorder it).
 */
@Repository
class JdbcDisclosures implements Disclosures {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JdbcDisclosures(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	@Override
	public void insert(List<Stored> disclosures) {
		List<Object[]> rows = new ArrayList<>(disclosures.size());
		for (Stored s : disclosures) {
			Disclosure d = s.disclosure();
			rows.add(new Object[] { s.index(), s.kind(), s.subject(), d.group(), d.salt(), d.canonicalValue() });
		}
		this.template.batchUpdate(
				"INSERT INTO ledger_disclosures (idx, kind, subject, grp, salt, value_json) VALUES (?, ?, ?, ?, ?, ?)",
				rows);
	}

	@Override
	public List<Stored> ofEntries(long start, long end) {
		return this.jdbc
			.sql("SELECT idx, kind, subject, grp, salt, value_json FROM ledger_disclosures WHERE idx >= ? AND idx < ?"
					+ " ORDER BY idx, grp")
			.params(start, end)
			.query((rs, n) -> new Stored(rs.getLong("idx"), rs.getString("kind"), rs.getString("subject"),
					new Disclosure(rs.getString("grp"), rs.getString("salt"),
							JSON.readValue(rs.getString("value_json"), Object.class))))
			.list();
	}

}
