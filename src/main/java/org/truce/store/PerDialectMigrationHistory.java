package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema history of a store migrated by the scripts Truce published once per dialect,
 * up to V18, before each migration was written once for both (with placeholders, and the
 * spatial parts split off into sub-versions such as V1_1). Both build the same schema,
 * but Flyway would refuse such a store: the checksums differ, and V1_1 looks like a
 * migration that was never applied.
 *
 * <p>
 * {@link #realign} makes the history read as if the new scripts had built the store, like
 * {@code flyway repair}, but only for the checksums published here: a history with any
 * other checksum, a failed migration or a repeatable one is left alone for Flyway to
 * validate (and refuse) as always. It sets each old version's checksum to its new
 * script's (which keeps its file name, so its description), and records each split-off
 * sub-version ({@link #SPLIT_OFF}) of an applied version as applied with it (at its time,
 * by its user, in no time), since the old script created its objects. All in one
 * transaction, each change conditional on the old checksum, so that of two instances
 * starting together one realigns and the other finds nothing to do.
 */
final class PerDialectMigrationHistory {

	private static final Logger log = LoggerFactory.getLogger(PerDialectMigrationHistory.class);

	/** The checksums Flyway recorded for the published scripts, by store and version. */
	private static final Map<String, Map<String, Integer>> PUBLISHED = Map
		.of("sqlite",
				Map.ofEntries(Map.entry("1", 1720902245), Map.entry("3", 1859537325), Map.entry("4", 969339967),
						Map.entry("5", 224781602), Map.entry("6", -817134429), Map.entry("7", 1167679605),
						Map.entry("8", -1872675360), Map.entry("9", -1369582703), Map.entry("10", 41580814),
						Map.entry("11", 1216735700), Map.entry("12", 1993125284), Map.entry("13", -1962231664),
						Map.entry("14", 836352242), Map.entry("15", -1782933859), Map.entry("18", 764859347)),
				"postgresql",
				Map.ofEntries(Map.entry("1", 604261074), Map.entry("3", -530477801), Map.entry("4", 1424813059),
						Map.entry("5", 1027390869), Map.entry("6", -539680526), Map.entry("7", -1920642235),
						Map.entry("8", 380035383), Map.entry("9", 13359823), Map.entry("10", 611885589),
						Map.entry("11", 1875856564), Map.entry("12", -113729144), Map.entry("13", -204331964),
						Map.entry("14", -1298979096), Map.entry("15", -1782933859), Map.entry("18", 764859347)));

	/**
	 * The versions that took their spatial objects out of the published V1 and V3; only
	 * these are recorded as applied, where the store has them and their version applied.
	 */
	private static final Set<String> SPLIT_OFF = Set.of("1.1", "3.1");

	private PerDialectMigrationHistory() {
	}

	/**
	 * Realigns the history of {@code flyway}'s store when it was written by the published
	 * scripts of {@code dialect} alone; otherwise changes nothing. Call it before
	 * {@link Flyway#migrate()}.
	 */
	static void realign(Flyway flyway, StoreDialect dialect) {
		Map<String, Integer> published = PUBLISHED.get(dialect.name());
		MigrationInfo[] all = flyway.info().all();
		List<MigrationInfo> applied = Arrays.stream(all).filter(MigrationInfo::isApplied).toList();
		if (applied.isEmpty() || !applied.stream().allMatch(m -> isPublished(m, published))) {
			return;
		}
		Set<String> appliedVersions = applied.stream()
			.map(m -> m.getVersion().getVersion())
			.collect(Collectors.toSet());
		List<MigrationInfo> rewritten = applied.stream()
			.filter(m -> !Objects.equals(m.getAppliedChecksum(), m.getResolvedChecksum()))
			.toList();
		List<MigrationInfo> splitOff = Arrays.stream(all)
			.filter(m -> !m.isApplied() && m.isVersioned() && SPLIT_OFF.contains(m.getVersion().getVersion())
					&& appliedVersions.contains(m.getVersion().getMajorAsString()))
			.toList();
		if (rewritten.isEmpty() && splitOff.isEmpty()) {
			return;
		}
		String table = flyway.getConfiguration().getTable();
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				boolean realigned = rewrite(connection, table, rewritten, published)
						&& recordSplitOff(connection, table, splitOff);
				if (realigned) {
					connection.commit();
					log.info(
							"Realigned the {} schema history written by the per-store scripts to the scripts written"
									+ " once: {} checksums rewritten, {} split-off migrations recorded",
							dialect.name(), rewritten.size(), splitOff.size());
				}
				else {
					connection.rollback();
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot realign the schema history in " + table, ex);
		}
	}

	private static boolean isPublished(MigrationInfo migration, Map<String, Integer> published) {
		return migration.isVersioned() && !migration.getState().isFailed() && migration.getResolvedChecksum() != null
				&& Objects.equals(published.get(migration.getVersion().getVersion()), migration.getAppliedChecksum());
	}

	private static boolean rewrite(Connection connection, String table, List<MigrationInfo> rewritten,
			Map<String, Integer> published) throws SQLException {
		String sql = "UPDATE " + table + " SET checksum = ? WHERE version = ? AND checksum = ?";
		try (PreparedStatement update = connection.prepareStatement(sql)) {
			for (MigrationInfo migration : rewritten) {
				String version = migration.getVersion().getVersion();
				update.setInt(1, migration.getResolvedChecksum());
				update.setString(2, version);
				update.setInt(3, published.get(version));
				if (update.executeUpdate() != 1) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean recordSplitOff(Connection connection, String table, List<MigrationInfo> splitOff)
			throws SQLException {
		String sql = "INSERT INTO " + table + " (installed_rank, version, description, type, script, checksum,"
				+ " installed_by, installed_on, execution_time, success) SELECT (SELECT MAX(installed_rank) + 1 FROM "
				+ table + "), ?, ?, ?, ?, ?, installed_by, installed_on, 0, success FROM " + table
				+ " WHERE version = ? AND NOT EXISTS (SELECT 1 FROM " + table + " WHERE version = ?)";
		try (PreparedStatement insert = connection.prepareStatement(sql)) {
			for (MigrationInfo migration : splitOff) {
				String version = migration.getVersion().getVersion();
				insert.setString(1, version);
				insert.setString(2, migration.getDescription());
				insert.setString(3, migration.getType().name());
				insert.setString(4, migration.getScript());
				insert.setInt(5, migration.getChecksum());
				insert.setString(6, migration.getVersion().getMajorAsString());
				insert.setString(7, version);
				if (insert.executeUpdate() != 1) {
					return false;
				}
			}
		}
		return true;
	}

}
