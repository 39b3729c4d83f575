package org.truce.report.infrastructure;

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

	private final JdbcClient jdbc;

	JdbcSources(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(Source source) {
		this.jdbc
			.sql("INSERT INTO sources (id, name, kind, reliability) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
					+ " SET name = excluded.name, kind = excluded.kind, reliability = excluded.reliability")
			.params(source.id(), source.name(), source.kind().name(), source.reliability().name())
			.update();
	}

	@Override
	public Optional<Source> byId(String id) {
		return this.jdbc.sql("SELECT id, name, kind, reliability FROM sources WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Source(rs.getString("id"), rs.getString("name"),
					SourceKind.valueOf(rs.getString("kind")), Reliability.valueOf(rs.getString("reliability"))))
			.optional();
	}

	@Override
	public List<Source> all() {
		return this.jdbc.sql("SELECT id, name, kind, reliability FROM sources ORDER BY id")
			.query((rs, n) -> new Source(rs.getString("id"), rs.getString("name"),
					SourceKind.valueOf(rs.getString("kind")), Reliability.valueOf(rs.getString("reliability"))))
			.list();
	}

}
