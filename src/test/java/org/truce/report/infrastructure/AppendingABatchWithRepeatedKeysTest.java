package org.truce.report.infrastructure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.truce.TruceApplication;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.testing.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link Reports#append} sends a whole batch at once; a report whose idempotency key is
 * already stored, earlier or in the same batch, must still come back as the stored report
 * with {@code created} false.
 */
class AppendingABatchWithRepeatedKeysTest {

	@Test
	void shouldReturnTheStoredReportForEveryRepeatedKeyInSqlite(@TempDir Path data) {
		try (ConfigurableApplicationContext context = start("--truce.data=" + data)) {
			appendRepeatedKeys(context.getBean(Reports.class), context.getBean(Sources.class));
		}
	}

	@PostgresTest
	@Test
	void shouldReturnTheStoredReportForEveryRepeatedKeyInPostgres() throws Exception {
		String url = System.getenv("TRUCE_TEST_PG_URL");
		if (url == null || url.isBlank()) {
			if ("1".equals(System.getenv("TRUCE_REQUIRE_PG"))) {
				fail("TRUCE_REQUIRE_PG=1 but TRUCE_TEST_PG_URL is not set");
			}
			assumeTrue(false, "TRUCE_TEST_PG_URL is not set: no PostgreSQL to test against");
		}
		String schema = "append_batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		try (ConfigurableApplicationContext context = start(
				"--truce.db=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public")) {
			appendRepeatedKeys(context.getBean(Reports.class), context.getBean(Sources.class));
		}
		finally {
			try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	private static void appendRepeatedKeys(Reports reports, Sources sources) {
		sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		Report first = shellingNearAleppo();
		assertThat(reports.append(List.of(new Reports.NewReport(first, "key-1", "digest-1"))))
			.containsExactly(new Reports.Appended(first, true, "digest-1"));

		Report second = shellingNearAleppo();
		Report replayOfFirst = shellingNearAleppo();
		Report replayOfSecond = shellingNearAleppo();
		Report withoutKey = shellingNearAleppo();
		List<Reports.Appended> out = reports.append(List.of(new Reports.NewReport(second, "key-2", "digest-2"),
				new Reports.NewReport(replayOfFirst, "key-1", "digest-other"),
				new Reports.NewReport(replayOfSecond, "key-2", "digest-2"),
				new Reports.NewReport(withoutKey, null, null)));

		assertThat(out).extracting(a -> a.report().id(), Reports.Appended::created, Reports.Appended::requestDigest)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), true, "digest-2"),
					org.assertj.core.groups.Tuple.tuple(first.id(), false, "digest-1"),
					org.assertj.core.groups.Tuple.tuple(second.id(), false, "digest-2"),
					org.assertj.core.groups.Tuple.tuple(withoutKey.id(), true, null));
		assertThat(out.get(1).report()).isEqualTo(first);
		assertThat(reports.count()).isEqualTo(3);
	}

	private static Report shellingNearAleppo() {
		Instant day = Instant.parse("2016-09-19T00:00:00Z");
		return new Report(UUID.randomUUID(), EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, null,
				new TimeSpan(day, day.plusSeconds(86_399).plusMillis(999), TimePrecision.DAY),
				Location.of(36.2, 37.15, LocationPrecision.EXACT, "Aleppo"), null, null, Casualties.NONE,
				"Shelling reported near Aleppo.", "monitors", null, List.of(), Set.of(),
				Instant.parse("2016-09-20T08:00:00Z"));
	}

	private static ConfigurableApplicationContext start(String store) {
		return new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(store, "--logging.level.root=warn");
	}

}
