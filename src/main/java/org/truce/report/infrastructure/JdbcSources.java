package org.truce.report.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;

@Repository
class JdbcSources implements Sources {

	private static final String COLUMNS = "id, name, kind, reliability, at_risk, contact, used_by";

	private final JdbcClient jdbc;

	JdbcSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(Source source) {
		this.jdbc
			.sql("INSERT INTO sources (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
					+ " SET name = excluded.name, kind = excluded.kind, reliability = excluded.reliability,"
					+ " at_risk = excluded.at_risk, contact = excluded.contact, used_by = excluded.used_by")
			.params(source.id(), source.name(), source.kind().name(), source.reliability().name(), source.atRisk(),
					source.contact(), source.usedBy().isEmpty() ? null : String.join("\n", source.usedBy()))
			.update();
	}

	@Override
	public Optional<Source> byId(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sources WHERE id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<Source> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sources ORDER BY id").query((rs, n) -> map(rs)).list();
	}

	private static Source map(ResultSet rs) throws SQLException {
		String usedBy = rs.getString("used_by");
		return new Source(rs.getString("id"), rs.getString("name"), SourceKind.valueOf(rs.getString("kind")),
				Reliability.valueOf(rs.getString("reliability")), rs.getBoolean("at_risk"), rs.getString("contact"),
				usedBy == null || usedBy.isEmpty() ? List.of() : List.of(usedBy.split("\n")));
	}

}
