package org.truce.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh PostgreSQL schema {@code truce_bench_<random>} for one run, dropped with
 * everything in it on {@link #close}. The {@link #url} puts it first on the search path,
 * with {@code public} after it for PostGIS, so the run never touches other data.
 */
public final class PgSchema implements AutoCloseable {

	private final String baseUrl;

	private final String name;

	private PgSchema(String baseUrl, String name) {
		this.baseUrl = baseUrl;
		this.name = name;
	}

	public static PgSchema create(String baseUrl) throws SQLException {
		byte[] random = new byte[6];
		new SecureRandom().nextBytes(random);
		String name = "truce_bench_" + HexFormat.of().formatHex(random);
		try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + name);
		}
		return new PgSchema(baseUrl, name);
	}

	public String name() {
		return this.name;
	}

	/** The base URL with {@code currentSchema=<schema>,public}. */
	public String url() {
		return this.baseUrl + (this.baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + this.name + ",public";
	}

	@Override
	public void close() throws SQLException {
		try (Connection c = DriverManager.getConnection(this.baseUrl); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
		}
	}

}
