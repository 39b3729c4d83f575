package org.truce.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.truce.testing.SyriaBox;

/**
 * The baseline: the radius query written by hand in PostGIS SQL and run over one plain
 * JDBC connection, reading every column of every row but building no model objects. Not
 * thread-safe.
 */
public final class RawPostgis implements AutoCloseable {

	/** The columns Truce's report store reads. */
	static final String COLUMNS = "t.seq, t.id, t.event_type, t.event_type_basis, t.time_start, t.time_end,"
			+ " t.time_precision, t.lat, t.lon, t.location_precision, t.uncertainty_m, t.place_name, t.admin1,"
			+ " t.admin2, t.actor_text, t.actor_id, t.actor_status, t.actor_candidates, t.target_text, t.target_id,"
			+ " t.target_status, t.target_candidates, t.casualties, t.narrative, t.source_id, t.external_id,"
			+ " t.attachments, t.flags, t.recorded_at, t.request_digest";

	private static final String WITHIN = " FROM reports t"
			+ " WHERE ST_DWithin(t.geog, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)";

	private final Connection connection;

	private final PreparedStatement select;

	private final PreparedStatement count;

	public RawPostgis(String url) throws SQLException {
		this.connection = DriverManager.getConnection(url);
		this.select = this.connection.prepareStatement("SELECT " + COLUMNS + WITHIN);
		this.count = this.connection.prepareStatement("SELECT count(*)" + WITHIN);
	}

	/** The rows within the radius, every column read; each hit with its id and point. */
	public List<Hit> select(SyriaBox.Point centre, double radiusMetres) throws SQLException {
		bind(this.select, centre, radiusMetres);
		List<Hit> hits = new ArrayList<>();
		try (ResultSet rs = this.select.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				Object[] row = new Object[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getObject(i + 1);
				}
				hits.add(new Hit(row[1].toString(), (Double) row[7], (Double) row[8]));
			}
		}
		return hits;
	}

	public long count(SyriaBox.Point centre, double radiusMetres) throws SQLException {
		bind(this.count, centre, radiusMetres);
		try (ResultSet rs = this.count.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void bind(PreparedStatement statement, SyriaBox.Point centre, double radiusMetres)
			throws SQLException {
		statement.setDouble(1, centre.longitude());
		statement.setDouble(2, centre.latitude());
		statement.setDouble(3, radiusMetres);
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
