package org.truce.store;

import java.sql.SQLException;

import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.truce.shared.Geodesic;

/**
 * An SQLite data source whose every connection knows Truce's Java functions: {@code
 * geodesic_within(lat1, lon1, lat2, lon2, metres)} is 1 when the two points lie within
 * that geodesic distance on WGS84, else 0.
 */
final class SqliteFunctionsDataSource extends SQLiteDataSource {

	SqliteFunctionsDataSource(String url) {
		super(config());
		setUrl(url);
	}

	private static SQLiteConfig config() {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		// FULL: a commit is on disk before it returns, so an acknowledged report survives
		// power loss.
		config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
		config.setBusyTimeout(30_000);
		config.setCacheSize(-65_536);
		config.enforceForeignKeys(true);
		// Take the write lock at BEGIN: a transaction that read (the ledger size) can
		// then always write.
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		return config;
	}

	@Override
	public SQLiteConnection getConnection(String username, String password) throws SQLException {
		SQLiteConnection connection = super.getConnection(username, password);
		Function.create(connection, "geodesic_within", new GeodesicWithin(), 5, Function.FLAG_DETERMINISTIC);
		return connection;
	}

	private static final class GeodesicWithin extends Function {

		@Override
		protected void xFunc() throws SQLException {
			double distance = Geodesic.distanceMetres(value_double(0), value_double(1), value_double(2),
					value_double(3));
			result(distance <= value_double(4) ? 1 : 0);
		}

	}

}
