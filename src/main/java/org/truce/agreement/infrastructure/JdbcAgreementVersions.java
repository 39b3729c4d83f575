package org.truce.agreement.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.agreement.application.AgreementVersions;
import org.truce.agreement.model.AgreementDocument;
import org.truce.store.StoreDialect;

@Repository
class JdbcAgreementVersions implements AgreementVersions {

	private static final String COLUMNS = "agreement_id, version, in_force_from, title, file_name, document, sha256, loaded_at";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcAgreementVersions(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void add(AgreementDocument d) {
		this.jdbc.sql("INSERT INTO agreement_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.agreementId(), d.version(), this.dialect.instant(d.inForceFrom()), d.title(), d.fileName(),
					d.text(), d.sha256(), this.dialect.instant(d.loadedAt()))
			.update();
	}

	@Override
	public Optional<AgreementDocument> find(String agreementId, int version) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agreement_versions WHERE agreement_id = ? AND version = ?")
			.params(agreementId, version)
			.query((rs, n) -> map(rs))
			.optional();
	}

	@Override
	public List<AgreementDocument> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agreement_versions ORDER BY agreement_id, version")
			.query((rs, n) -> map(rs))
			.list();
	}

	private AgreementDocument map(ResultSet rs) throws SQLException {
		return new AgreementDocument(rs.getString("agreement_id"), rs.getInt("version"),
				this.dialect.instant(rs, "in_force_from"), rs.getString("title"), rs.getString("file_name"),
				rs.getString("document"), rs.getString("sha256"), this.dialect.instant(rs, "loaded_at"));
	}

}
