package org.truce.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKBWriter;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.model.Adjudicator;
import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.Period;
import org.truce.agreement.model.Protected;
import org.truce.agreement.model.Term;
import org.truce.agreement.model.Zone;
import org.truce.incident.model.Incident;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;

/**
 * Throughput of adjudication: incident × term evaluations per second on one thread,
 * against an agreement with many zone polygons of many vertices, and, as the baseline
 * measured in the same run, the same incidents matched to the same zones by a PostGIS
 * {@code ST_Intersects} join.
 *
 * <p>
 * Zones are random star-shaped polygons (radius 2–10 km) scattered over Syria's bounding
 * box. Terms each cover an equal share of the zones; one more term applies to the whole
 * area. Incidents are random points with 2 km uncertainty at random times inside the
 * agreement.
 */
public final class AdjudicationBenchmark {

	private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final Instant START = Instant.parse("2016-02-27T00:00:00Z");

	private final int zones;

	private final int vertices;

	private final int terms;

	private final int incidents;

	private final long seed;

	public AdjudicationBenchmark(int zones, int vertices, int terms, int incidents, long seed) {
		this.zones = zones;
		this.vertices = vertices;
		this.terms = terms;
		this.incidents = incidents;
		this.seed = seed;
	}

	/**
	 * Runs the benchmark and prints its figures; with a PostgreSQL URL, the PostGIS
	 * baseline too.
	 */
	public void run(PrintWriter out, String postgresUrl) throws SQLException {
		Random random = new Random(this.seed);
		List<Zone> zoneList = new ArrayList<>();
		for (int i = 0; i < this.zones; i++) {
			zoneList.add(new Zone("z" + i, "zone " + i, star(random), "benchmark"));
		}
		List<Term> termList = new ArrayList<>();
		int perTerm = Math.max(1, this.zones / Math.max(1, this.terms - 1));
		for (int t = 0; t < this.terms - 1; t++) {
			List<String> ids = new ArrayList<>();
			for (int z = t * perTerm; z < Math.min(this.zones, (t + 1) * perTerm); z++) {
				ids.add("z" + z);
			}
			termList.add(new Term("t" + t, "no strikes in zones of group " + t,
					EnumSet.of(EventType.AIR_DRONE_STRIKE, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK),
					new ActorSelector.Parties(), Protected.ANYONE, ids, null, List.of()));
		}
		termList.add(new Term("whole", "no attacks on parties", EnumSet.of(EventType.AIR_DRONE_STRIKE),
				new ActorSelector.Parties(), Protected.CIVILIANS, List.of(), null, List.of()));
		Agreement agreement = new Agreement("bench", 1, START, "benchmark", null,
				new Period(START, START.plus(Duration.ofDays(365))), null, Set.of("government", "opposition"),
				Set.of("excluded"), Map.of(), List.of(), zoneList, termList, null);
		ActorRegistry actors = new ActorRegistry(List.of(
				new Actor("government", "Government", ActorType.STATE_FORCE, null, List.of()),
				new Actor("opposition", "Opposition", ActorType.ARMED_GROUP, null, List.of()),
				new Actor("excluded", "Excluded", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null, List.of())));
		long prepareStart = System.nanoTime();
		Adjudicator adjudicator = new Adjudicator(agreement, ControlMap.EMPTY, actors);
		double prepareMs = (System.nanoTime() - prepareStart) / 1e6;
		List<Incident> incidentList = new ArrayList<>();
		String[] names = { "Government", "Opposition", "Excluded" };
		EventType[] types = { EventType.AIR_DRONE_STRIKE, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
				EventType.ARMED_CLASH };
		for (int i = 0; i < this.incidents; i++) {
			Instant t = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 360)));
			incidentList.add(new Incident("i" + i, List.of(), List.of(), types[random.nextInt(types.length)],
					new TimeSpan(t, t.plus(Duration.ofHours(1)), TimePrecision.EXACT),
					Location.of(lat(random), lon(random), LocationPrecision.EXACT, null),
					actors.resolve(names[random.nextInt(names.length)]), null, Casualties.NONE));
		}
		int vertexCount = zoneList.stream().mapToInt(z -> z.geometry().getNumPoints()).sum();
		out.printf(
				"adjudication: %d zones (%d vertices in all, %.0f per zone), %d terms, %d incidents; prepared in %.0f ms%n",
				this.zones, vertexCount, (double) vertexCount / this.zones, this.terms, this.incidents, prepareMs);
		long evaluations = 0;
		long violations = 0;
		for (int i = 0; i < Math.min(20_000, incidentList.size()); i++) {
			adjudicator.adjudicate(incidentList.get(i));
		}
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpuBegin = threads.getCurrentThreadCpuTime();
		long begin = System.nanoTime();
		for (Incident incident : incidentList) {
			var findings = adjudicator.adjudicate(incident);
			evaluations += findings.size();
			violations += findings.stream().filter(f -> f.outcome().name().equals("VIOLATION")).count();
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBegin) / 1e9;
		out.printf(
				"  Truce (one thread): %d incident x term evaluations in %.2f s wall, %.2f s CPU = %,.0f evaluations"
						+ " per CPU second (%,.0f per wall second), %,.0f incidents per CPU second (%d violations)%n",
				evaluations, seconds, cpuSeconds, evaluations / cpuSeconds, evaluations / seconds,
				this.incidents / cpuSeconds, violations);
		if (postgresUrl == null) {
			out.println("  PostGIS baseline: skipped (no --db or TRUCE_BENCH_PG_URL)");
			return;
		}
		postgis(out, postgresUrl, zoneList, incidentList, cpuSeconds);
	}

	private void postgis(PrintWriter out, String url, List<Zone> zoneList, List<Incident> incidentList,
			double truceSeconds) throws SQLException {
		String schema = "truce_bench_adj_" + Long.toHexString(new Random().nextLong() & 0xffffffL);
		try (Connection c = DriverManager.getConnection(url)) {
			try (Statement s = c.createStatement()) {
				s.execute("CREATE SCHEMA " + schema);
				s.execute("SET search_path = " + schema + ", public");
				s.execute("CREATE TABLE zones (id text PRIMARY KEY, geom geometry(Polygon, 4326))");
				s.execute("CREATE TABLE incidents (id text PRIMARY KEY, geom geometry(Point, 4326))");
			}
			WKBWriter wkb = new WKBWriter(2, true);
			c.setAutoCommit(false);
			try (PreparedStatement p = c.prepareStatement("INSERT INTO zones VALUES (?, ST_GeomFromEWKB(?))")) {
				for (Zone z : zoneList) {
					z.geometry().setSRID(4326);
					p.setString(1, z.id());
					p.setBytes(2, wkb.write(z.geometry()));
					p.addBatch();
				}
				p.executeBatch();
			}
			try (PreparedStatement p = c
				.prepareStatement("INSERT INTO incidents VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
				for (Incident i : incidentList) {
					p.setString(1, i.id());
					p.setDouble(2, i.where().longitude());
					p.setDouble(3, i.where().latitude());
					p.addBatch();
				}
				p.executeBatch();
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				s.execute("CREATE INDEX ON zones USING GIST (geom)");
				s.execute("CREATE INDEX ON incidents USING GIST (geom)");
				s.execute("ANALYZE zones");
				s.execute("ANALYZE incidents");
				String join = "SELECT count(*) FROM incidents i JOIN zones z ON ST_Intersects(z.geom, i.geom)";
				count(s, join);
				long begin = System.nanoTime();
				long pairs = count(s, join);
				double seconds = (System.nanoTime() - begin) / 1e9;
				out.printf(
						"  PostGIS ST_Intersects join (baseline): %d incident-zone pairs for %d incidents in %.2f s = %,.0f incidents/s%n",
						pairs, incidentList.size(), seconds, incidentList.size() / seconds);
				out.printf("  ratio: Truce full adjudication time / PostGIS join time = %.2f%n",
						truceSeconds / seconds);
			}
			finally {
				try (Statement s = c.createStatement()) {
					s.execute("DROP SCHEMA " + schema + " CASCADE");
				}
			}
		}
	}

	private static long count(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Polygon star(Random random) {
		double lat = lat(random);
		double lon = lon(random);
		double radiusKm = 2 + random.nextDouble() * 8;
		Coordinate[] ring = new Coordinate[this.vertices + 1];
		double cos = Math.cos(Math.toRadians(lat));
		for (int v = 0; v < this.vertices; v++) {
			double angle = 2 * Math.PI * v / this.vertices;
			double r = radiusKm * (0.7 + 0.3 * random.nextDouble()) / 111.32;
			ring[v] = new Coordinate(lon + r * Math.cos(angle) / cos, lat + r * Math.sin(angle));
		}
		ring[this.vertices] = ring[0];
		return GEOMETRY.createPolygon(ring);
	}

	private static double lat(Random random) {
		return 32.3 + random.nextDouble() * 5.1;
	}

	private static double lon(Random random) {
		return 35.7 + random.nextDouble() * 6.7;
	}

}
