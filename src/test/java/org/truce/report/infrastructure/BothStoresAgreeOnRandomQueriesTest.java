package org.truce.report.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.actor.model.ActorRef;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.testing.PostgresTest;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads one random dataset into SQLite and PostgreSQL alike and checks that random
 * queries, followed page by page, return the same reports in the same order from both.
 * Needs PostgreSQL ({@code TRUCE_TEST_PG_URL}); the seed is in every failure message.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BothStoresAgreeOnRandomQueriesTest {

	private static final int REPORTS = 1_500;

	private static final int QUERIES = 400;

	private static final List<EventType> TYPES = List.of(EventType.AIR_DRONE_STRIKE, EventType.ARMED_CLASH,
			EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, EventType.AID_OBSTRUCTION, EventType.ATTACK);

	private static final List<String> ACTORS = List.of("syria-government", "russia", "isis", "jabhat-al-nusra", "ypg",
			"usa");

	private static final List<String> SOURCES = List.of("ucdp-ged", "monitor-aleppo", "sarc");

	private static final Instant YEAR_START = Instant.parse("2016-01-01T00:00:00Z");

	private final long seed = Long.getLong("truce.test.seed", new Random().nextLong());

	private StartedOrSkipped<RunningTruce> startedPostgres;

	private RunningTruce postgres;

	private RunningTruce sqlite;

	private Instant[] sharedStarts;

	@BeforeAll
	void startBothStores() {
		this.startedPostgres = StartedOrSkipped.start(() -> RunningTruce.postgres(false));
	}

	@BeforeEach
	void loadTheSameDataIntoBothStores() {
		if (this.sqlite != null) {
			return;
		}
		this.postgres = this.startedPostgres.get();
		this.sqlite = RunningTruce.sqlite(false);
		Random random = new Random(this.seed);
		this.sharedStarts = new Instant[20];
		for (int i = 0; i < this.sharedStarts.length; i++) {
			this.sharedStarts[i] = randomInstant(random);
		}
		List<Reports.NewReport> data = new ArrayList<>();
		for (int i = 0; i < REPORTS; i++) {
			data.add(ReportFixture.unkeyed(randomReport(random)));
		}
		for (RunningTruce store : List.of(this.postgres, this.sqlite)) {
			Sources sources = store.bean(Sources.class);
			for (String id : SOURCES) {
				sources.save(new Source(id, id, SourceKind.DATASET, Reliability.C));
			}
			Reports reports = store.bean(Reports.class);
			for (int from = 0; from < data.size(); from += 250) {
				reports.append(data.subList(from, Math.min(data.size(), from + 250)));
			}
		}
	}

	@AfterAll
	void stopStores() throws Exception {
		try (StartedOrSkipped<RunningTruce> pg = this.startedPostgres; RunningTruce lite = this.sqlite) {
			// closed by try-with-resources, which skips nulls
		}
	}

	@Test
	void randomQueriesFindTheSameReportsInTheSameOrderInBothStores() {
		Reports pg = this.postgres.bean(Reports.class);
		Reports lite = this.sqlite.bean(Reports.class);
		assertThat(pg.count()).isEqualTo(lite.count()).isEqualTo(REPORTS);
		Random random = new Random(this.seed ^ 0x5DEECE66DL);
		int nonEmpty = 0;
		for (int i = 0; i < QUERIES; i++) {
			ReportQuery query = randomQuery(random);
			List<UUID> fromPg = allPages(pg, query);
			List<UUID> fromSqlite = allPages(lite, query);
			assertThat(fromSqlite).as("query %d of seed %d (-Dtruce.test.seed=%d): %s", i, this.seed, this.seed, query)
				.containsExactlyElementsOf(fromPg);
			if (!fromPg.isEmpty()) {
				nonEmpty++;
			}
		}
		// The queries must be selective but not empty, or the comparison proves little.
		assertThat(nonEmpty).as("queries that found something, seed %d", this.seed).isGreaterThan(QUERIES / 4);
	}

	@Test
	void bothStoresReadBackEveryReportIdentically() {
		Reports pg = this.postgres.bean(Reports.class);
		Reports lite = this.sqlite.bean(Reports.class);
		List<UUID> ids = allPages(pg, ReportQuery.all(500));
		assertThat(ids).hasSize(REPORTS);
		for (UUID id : ids) {
			assertThat(lite.byId(id)).as("report %s, seed %d", id, this.seed).isEqualTo(pg.byId(id));
		}
	}

	private static List<UUID> allPages(Reports reports, ReportQuery query) {
		List<UUID> out = new ArrayList<>();
		ReportQuery q = query;
		while (true) {
			ReportPage page = reports.find(q);
			page.reports().forEach(r -> out.add(r.id()));
			if (page.next() == null) {
				return out;
			}
			q = query.withCursor(page.next());
		}
	}

	private Report randomReport(Random random) {
		double[] point = randomPoint(random);
		Instant start = random.nextInt(4) == 0 ? this.sharedStarts[random.nextInt(this.sharedStarts.length)]
				: randomInstant(random);
		Instant end = switch (random.nextInt(4)) {
			case 0 -> start;
			case 1 -> start.plus(Duration.ofDays(1)).minusMillis(1);
			case 2 -> start.plus(Duration.ofHours(random.nextInt(24 * 30)));
			default -> start.plusMillis(random.nextInt(1_000_000));
		};
		LocationPrecision precision = LocationPrecision.values()[random.nextInt(LocationPrecision.values().length)];
		return ReportFixture.report()
			.type(TYPES.get(random.nextInt(TYPES.size())))
			.during(start, end, TimePrecision.values()[random.nextInt(TimePrecision.values().length)])
			.where(Location.of(point[0], point[1], precision, null))
			.actor(randomRef(random))
			.target(randomRef(random))
			.source(SOURCES.get(random.nextInt(SOURCES.size())))
			.build();
	}

	private static ActorRef randomRef(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> null;
			case 1 -> ActorRef.unresolved("unknown group " + random.nextInt(5));
			case 2 -> new ActorRef("ambiguous", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of(ACTORS.get(0), ACTORS.get(1)));
			default -> {
				String id = ACTORS.get(random.nextInt(ACTORS.size()));
				yield ActorRef.resolved(id, id);
			}
		};
	}

	/**
	 * Mostly Syria; some near the antimeridian and the poles; some on a 0.01 degree grid
	 * or a centimetre off it, so that query boxes on the same grid meet points on and
	 * just beside their edges.
	 */
	private static double[] randomPoint(Random random) {
		return switch (random.nextInt(10)) {
			case 0 -> new double[] { -20 + random.nextDouble() * 10,
					random.nextBoolean() ? 179 + random.nextDouble() : -180 + random.nextDouble() };
			case 1 -> new double[] { 85 + random.nextDouble() * 5, -180 + random.nextDouble() * 360 };
			case 2 -> new double[] { -90 + random.nextDouble() * 180, -180 + random.nextDouble() * 360 };
			case 3, 4 -> new double[] { grid(32 + random.nextDouble() * 5) + jitter(random),
					grid(35.5 + random.nextDouble() * 7) + jitter(random) };
			default -> new double[] { 32 + random.nextDouble() * 5, 35.5 + random.nextDouble() * 7 };
		};
	}

	/** None, or about a centimetre either way: less than a 32-bit float resolves here. */
	private static double jitter(Random random) {
		return (random.nextInt(3) - 1) * 1e-7;
	}

	private static double grid(double degrees) {
		return Math.round(degrees * 100) / 100.0;
	}

	private static Instant randomInstant(Random random) {
		return YEAR_START.plusMillis((long) (random.nextDouble() * Duration.ofDays(366).toMillis()));
	}

	private ReportQuery randomQuery(Random random) {
		ReportQuery.BoundingBox bbox = null;
		ReportQuery.Circle near = null;
		switch (random.nextInt(6)) {
			case 0 -> {
				double minLon = grid(35.5 + random.nextDouble() * 6);
				double minLat = grid(32 + random.nextDouble() * 4);
				bbox = new ReportQuery.BoundingBox(minLon, minLat, grid(minLon + random.nextDouble() * 3),
						grid(minLat + random.nextDouble() * 3));
			}
			case 1 -> {
				double[] centre = randomPoint(random);
				near = new ReportQuery.Circle(centre[0], centre[1], 1_000 + random.nextDouble() * 300_000);
			}
			case 2 -> {
				double[] centre = randomPoint(random);
				near = new ReportQuery.Circle(centre[0], centre[1], 1_000 + random.nextDouble() * 300_000);
				bbox = new ReportQuery.BoundingBox(-180, centre[0] - 1, Math.min(180, centre[1] + 1), 90);
			}
			case 3 -> bbox = random.nextBoolean() ? new ReportQuery.BoundingBox(179, -20, 180, -10)
					: new ReportQuery.BoundingBox(-180, 85, 180, 90);
			default -> {
			}
		}
		Instant from = null;
		Instant to = null;
		if (random.nextBoolean()) {
			from = random.nextBoolean() ? this.sharedStarts[random.nextInt(this.sharedStarts.length)]
					: randomInstant(random);
		}
		if (random.nextBoolean()) {
			to = (from != null ? from : YEAR_START).plus(Duration.ofHours(random.nextInt(24 * 120)));
		}
		return new ReportQuery(bbox, near, from, to, randomSubset(random, TYPES), randomSubset(random, ACTORS),
				randomSubset(random, SOURCES), random.nextInt(4) == 0, null,
				1 + random.nextInt(random.nextBoolean() ? 7 : 400));
	}

	private static <T> Set<T> randomSubset(Random random, List<T> values) {
		Set<T> out = new LinkedHashSet<>();
		if (random.nextInt(3) == 0) {
			int n = 1 + random.nextInt(values.size() - 1);
			for (int i = 0; i < n; i++) {
				out.add(values.get(random.nextInt(values.size())));
			}
		}
		return out;
	}

}
