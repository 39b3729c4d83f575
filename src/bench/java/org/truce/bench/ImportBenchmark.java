package org.truce.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.cli.Spring;
import org.truce.cli.StoreOptions;
import org.truce.cli.TerminalProgress;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.Incidents;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingAcled;
import org.truce.report.application.Imports;
import org.truce.report.application.Reports;
import org.truce.shared.ScenarioZone;
import org.truce.testing.SyriaBox;

/**
 * {@code truce bench --suite import}: the import of a synthetic ACLED export against the
 * raw load of the same rows into SQLite, in the same run.
 * <ol>
 * <li>Writes {@code rows} ACLED-format rows (ACLED's columns, points in
 * {@link SyriaBox}, days of 2016 to 2019, actors ACLED names, some of which resolve)
 * to a CSV file.</li>
 * <li>(a) The baseline, what a short script does: reads the CSV with commons-csv and
 * inserts each row into a fresh SQLite file (WAL, synchronous=FULL like Truce's store)
 * holding one table of the report's columns and an R*Tree of the points, with two
 * prepared statements in one transaction.</li>
 * <li>(b) Truce: {@link ImportingAcled#importFile}, the code path of
 * {@code truce import acled}, into a fresh SQLite store (or PostgreSQL), then, each
 * timed on its own, placing the imported reports into incidents
 * ({@link ClusteringNewReports#catchUp}, as {@code truce cluster} does) and recomputing
 * every agreement's findings ({@link AdjudicatingIncidents#all}, as the import command
 * does).</li>
 * </ol>
 * Prints the times, rows per second, the ratio (b) / (a), and the peak heap in use.
 */
final class ImportBenchmark {

	static final List<String> HEADER = List.of("event_id_cnty", "event_date", "year", "time_precision",
			"disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2",
			"assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
			"admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
			"fatalities", "tags", "timestamp");

	/** Event type, sub-event type, and the inter code of actor 1's kind. */
	private static final String[][] EVENTS = { { "Battles", "Armed clash" },
			{ "Explosions/Remote violence", "Air/drone strike" },
			{ "Explosions/Remote violence", "Shelling/artillery/missile attack" },
			{ "Explosions/Remote violence", "Remote explosive/landmine/IED" },
			{ "Violence against civilians", "Attack" },
			{ "Violence against civilians", "Abduction/forced disappearance" },
			{ "Battles", "Government regains territory" }, { "Battles", "Non-state actor overtakes territory" },
			{ "Strategic developments", "Looting/property destruction" }, { "Protests", "Peaceful protest" } };

	/** Actor names as ACLED writes them, with their inter codes. */
	private static final String[][] ACTORS = { { "Military Forces of Syria (2000-)", "1" },
			{ "Military Forces of Russia (2000-)", "8" }, { "Islamic State (Syria)", "2" },
			{ "Jabhat Fateh al-Sham", "2" }, { "QSD: Syrian Democratic Forces", "2" },
			{ "Unidentified Armed Group (Syria)", "3" }, { "Military Forces of Turkey (2016-)", "8" },
			{ "Hayat Tahrir al-Sham", "2" }, { "Opposition Rebels (Syria)", "2" }, { "Civilians (Syria)", "7" },
			{ "Unidentified Military Forces", "8" }, { "Protesters (Syria)", "6" } };

	private static final String[] GOVERNORATES = { "Aleppo", "Idleb", "Hama", "Homs", "Damascus", "Rural Damascus",
			"Dar'a", "Deir ez-Zor", "Ar-Raqqa", "Al-Hasakeh", "Lattakia", "Tartous", "Quneitra", "As-Sweida" };

	private static final String[] SOURCES = { "SOHR", "Syrian Observatory for Human Rights; SANA", "Reuters; AFP",
			"Step News Agency", "Smart News Agency", "Hawar News Agency", "Qasioun News Agency" };

	private static final LocalDate FIRST_DAY = LocalDate.of(2016, 1, 1);

	private static final int DAYS = 4 * 365;

	/** Baseline: the table of the report's columns, as Truce's store declares them. */
	private static final String RAW_TABLE = "CREATE TABLE reports (seq INTEGER PRIMARY KEY, id TEXT NOT NULL,"
			+ " event_type TEXT NOT NULL, time_start INTEGER NOT NULL, time_end INTEGER NOT NULL,"
			+ " time_precision TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, location_precision TEXT NOT NULL,"
			+ " place_name TEXT, admin1 TEXT, admin2 TEXT, actor_text TEXT, target_text TEXT, casualties TEXT,"
			+ " narrative TEXT, source_id TEXT NOT NULL, external_id TEXT, recorded_at INTEGER NOT NULL)";

	private static final String RAW_INSERT = "INSERT INTO reports (seq, id, event_type, time_start, time_end,"
			+ " time_precision, lat, lon, location_precision, place_name, admin1, admin2, actor_text, target_text,"
			+ " casualties, narrative, source_id, external_id, recorded_at)"
			+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final int rows;

	private final long seed;

	private final PrintWriter out;

	private final boolean importOnly;

	ImportBenchmark(int rows, long seed, boolean importOnly, PrintWriter out) {
		this.rows = rows;
		this.seed = seed;
		this.importOnly = importOnly;
		this.out = out;
	}

	/** The figures of one run. */
	record Result(double rawSeconds, double importSeconds, long imported, double clusterSeconds, int clustered,
			double adjudicateSeconds) {

		double ratio() {
			return this.importSeconds / this.rawSeconds;
		}

	}

	/**
	 * Runs (a) and (b) on the same file.
	 * @param pgUrl a fresh PostgreSQL schema's URL to import into instead of SQLite, or
	 * null
	 */
	Result run(Path dir, String pgUrl, boolean progressBar) throws Exception {
		Path csv = dir.resolve("acled-synthetic.csv");
		long t0 = System.nanoTime();
		long bytes = write(csv, this.rows, this.seed);
		this.out.printf("  wrote %,d ACLED-format rows, %.1f MB, in %.1f s (%s)%n", this.rows, bytes / 1e6,
				seconds(t0), csv.getFileName());
		this.out.flush();
		PeakHeap heap = PeakHeap.start();
		try {
			// The baseline runs warm (its code compiled by a first, smaller load), Truce's
			// import cold, as the command runs: the ratio is not flattered.
			Path warm = dir.resolve("acled-warm-up.csv");
			write(warm, Math.min(this.rows, 20_000), this.seed + 1);
			raw(warm, dir.resolve("raw-warm-up.db"));
			Files.deleteIfExists(dir.resolve("raw-warm-up.db"));
			Files.deleteIfExists(warm);
			t0 = System.nanoTime();
			long cpu0 = ProcessCpu.nanos();
			long loaded = raw(csv, dir.resolve("raw.db"));
			double raw = seconds(t0);
			double rawCpu = (ProcessCpu.nanos() - cpu0) / 1e9;
			this.out.printf("  (a) raw SQLite load (JDBC, one transaction, table + R*Tree): %,d rows in %.2f s,"
					+ " %,.0f rows/s; %.2f s of this JVM's CPU%n", loaded, raw, loaded / raw, rawCpu);
			this.out.flush();
			Map<String, Object> properties = Map.of("logging.level.root", "error");
			t0 = System.nanoTime();
			try (ConfigurableApplicationContext context = Spring
				.offline(StoreOptions.of(dir.resolve("truce-import"), pgUrl), properties)) {
				this.out.printf("  (b) Truce store opened (%s) in %.1f s (not counted below)%n",
						pgUrl == null ? "sqlite" : "postgresql", seconds(t0));
				this.out.flush();
				agreements(context);
				ZoneId zone = context.getBean(ScenarioZone.class).zone();
				t0 = System.nanoTime();
				cpu0 = ProcessCpu.nanos();
				ImportOutcome outcome = context.getBean(ImportingAcled.class)
					.importFile(ImportFile.of(csv), zone,
							progressBar ? TerminalProgress.onStandardError("ACLED") : ImportProgress.NONE);
				double imported = seconds(t0);
				double importCpu = (ProcessCpu.nanos() - cpu0) / 1e9;
				Imports.Counts counts = ((ImportOutcome.Completed) outcome).counts();
				this.out.printf(
						"  (b) truce import acled: %,d rows in %.2f s, %,.0f rows/s (%,d imported, %,d rejected);"
								+ " %,d reports stored; %.2f s of this JVM's CPU%n",
						counts.rowsRead(), imported, counts.rowsRead() / imported, counts.imported(),
						counts.rejected(), context.getBean(Reports.class).count(), importCpu);
				this.out.printf("  ratio (b) / (a): %.2f in time (goal: at most 3: %s); %.2f in CPU%n", imported / raw,
						imported / raw <= 3 ? "met" : "missed", importCpu / rawCpu);
				this.out.flush();
				if (this.importOnly) {
					return new Result(raw, imported, counts.imported(), 0, 0, 0);
				}
				t0 = System.nanoTime();
				int placed = context.getBean(ClusteringNewReports.class).catchUp();
				double clustered = seconds(t0);
				Incidents.Counts incidents = context.getBean(Incidents.class).counts();
				this.out.printf(
						"  clustering (truce cluster): %,d reports placed in %.2f s, %,.0f reports/s; %,d incidents,"
								+ " %,d with more than one report, %,d candidate links%n",
						placed, clustered, placed / Math.max(clustered, 1e-9), incidents.incidents(),
						incidents.multiReport(), incidents.openLinks());
				this.out.flush();
				t0 = System.nanoTime();
				List<AdjudicatingIncidents.Summary> summaries = context.getBean(AdjudicatingIncidents.class).all();
				double adjudicated = seconds(t0);
				this.out.printf("  adjudication (every agreement's findings recomputed): %.2f s; %s%n", adjudicated,
						summaries.stream()
							.map(s -> s.agreementId() + " " + s.incidents() + " incidents")
							.reduce((a, b) -> a + ", " + b)
							.orElse("no agreements"));
				this.out.printf("  end to end (import + clustering + adjudication): %.2f s, %.2f x the raw load%n",
						imported + clustered + adjudicated, (imported + clustered + adjudicated) / raw);
				this.out.printf("  peak heap in use (sampled every 100 ms): %.0f MB of %d MB max%n",
						heap.peakBytes() / 1e6, Runtime.getRuntime().maxMemory() >> 20);
				this.out.flush();
				return new Result(raw, imported, counts.imported(), clustered, placed, adjudicated);
			}
		}
		finally {
			heap.close();
		}
	}

	/**
	 * Loads the Syria scenario's agreements, so that adjudication has terms to judge the
	 * imported rows by.
	 */
	private void agreements(ConfigurableApplicationContext context) throws IOException {
		List<Map.Entry<String, String>> documents = new java.util.ArrayList<>();
		for (org.springframework.core.io.Resource r : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
			.getResources("classpath:scenarios/syria-2016/agreements/*.yaml")) {
			documents.add(Map.entry(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8)));
		}
		long loaded = context.getBean(org.truce.agreement.application.AgreementCatalogue.class)
			.loadAll(documents)
			.stream()
			.filter(l -> l.errors().isEmpty())
			.count();
		this.out.printf("  agreements loaded for adjudication: %d of %d documents of the Syria scenario%n", loaded,
				documents.size());
	}

	/** Writes the synthetic file; returns its size in bytes. */
	static long write(Path csv, int rows, long seed) throws IOException {
		Random random = new Random(seed);
		try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
				org.apache.commons.csv.CSVPrinter printer = new org.apache.commons.csv.CSVPrinter(w,
						CSVFormat.DEFAULT)) {
			printer.printRecord(HEADER);
			for (int i = 1; i <= rows; i++) {
				printer.printRecord(row(i, random));
			}
		}
		return Files.size(csv);
	}

	private static List<Object> row(int n, Random random) {
		String[] event = EVENTS[random.nextInt(EVENTS.length)];
		String[] actor1 = ACTORS[random.nextInt(ACTORS.length - 3)];
		boolean againstCivilians = event[0].equals("Violence against civilians");
		String[] actor2 = againstCivilians ? ACTORS[9]
				: event[0].equals("Protests") ? null : random.nextInt(5) == 0 ? null : ACTORS[random.nextInt(9)];
		if (event[0].equals("Protests")) {
			actor1 = ACTORS[11];
		}
		LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
		int timePrecision = random.nextInt(10) < 8 ? 1 : random.nextInt(2) + 2;
		int geoPrecision = random.nextInt(10) < 7 ? 1 : random.nextInt(2) + 2;
		SyriaBox.Point p = SyriaBox.point(random);
		String governorate = GOVERNORATES[random.nextInt(GOVERNORATES.length)];
		int fatalities = random.nextInt(4) == 0 ? random.nextInt(30) : 0;
		String location = "Village " + (char) ('A' + random.nextInt(26)) + random.nextInt(2000);
		String notes = "On " + day + ", " + actor1[0] + (actor2 == null ? "" : " and " + actor2[0]) + " were reported"
				+ " near " + location + " (" + governorate + "). " + (fatalities == 0 ? "No fatalities were reported."
						: fatalities + " fatalities were reported, figures not independently confirmed.");
		return List.of("SYR" + n, day.toString(), day.getYear(), timePrecision, "Political violence", event[0],
				event[1], actor1[0], random.nextInt(6) == 0 ? "Militia (Pro-Government)" : "", actor1[1],
				actor2 == null ? "" : actor2[0], "", actor2 == null ? "" : actor2[1],
				actor1[1] + (actor2 == null ? "0" : actor2[1]), againstCivilians ? "Civilian targeting" : "", 760,
				"Middle East", "Syria", governorate, governorate + " district", "", location,
				String.format(Locale.ROOT, "%.4f", p.latitude()), String.format(Locale.ROOT, "%.4f", p.longitude()),
				geoPrecision, SOURCES[random.nextInt(SOURCES.length)], "National", notes, fatalities, "", 1700000000);
	}

	/**
	 * The baseline: the rows of the CSV into a fresh SQLite file, one transaction.
	 * @return the rows stored
	 */
	static long raw(Path csv, Path db) throws IOException, SQLException {
		Files.deleteIfExists(db);
		long recordedAt = System.currentTimeMillis();
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
			try (Statement s = c.createStatement()) {
				s.execute("PRAGMA journal_mode=WAL");
				s.execute("PRAGMA synchronous=FULL");
				s.execute(RAW_TABLE);
				s.execute("CREATE VIRTUAL TABLE reports_rtree USING rtree (seq, min_lon, max_lon, min_lat, max_lat)");
			}
			c.setAutoCommit(false);
			long n = 0;
			try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
					CSVParser parser = CSVFormat.DEFAULT.builder()
						.setHeader()
						.setSkipHeaderRecord(true)
						.get()
						.parse(reader);
					PreparedStatement insert = c.prepareStatement(RAW_INSERT);
					PreparedStatement rtree = c.prepareStatement("INSERT INTO reports_rtree VALUES (?, ?, ?, ?, ?)")) {
				for (CSVRecord r : parser) {
					n++;
					LocalDate day = LocalDate.parse(r.get("event_date"));
					long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
					double lat = Double.parseDouble(r.get("latitude"));
					double lon = Double.parseDouble(r.get("longitude"));
					insert.setLong(1, n);
					insert.setString(2, UUID.randomUUID().toString());
					insert.setString(3, r.get("sub_event_type"));
					insert.setLong(4, start);
					insert.setLong(5, start + 86_399_999L);
					insert.setString(6, r.get("time_precision"));
					insert.setDouble(7, lat);
					insert.setDouble(8, lon);
					insert.setString(9, r.get("geo_precision"));
					insert.setString(10, r.get("location"));
					insert.setString(11, r.get("admin1"));
					insert.setString(12, r.get("admin2"));
					insert.setString(13, r.get("actor1"));
					text(insert, 14, r.get("actor2"));
					insert.setString(15, "{\"total\":{\"best\":" + r.get("fatalities") + "}}");
					insert.setString(16, r.get("notes"));
					insert.setString(17, "acled");
					insert.setString(18, r.get("event_id_cnty"));
					insert.setLong(19, recordedAt);
					insert.executeUpdate();
					rtree.setLong(1, n);
					rtree.setDouble(2, lon);
					rtree.setDouble(3, lon);
					rtree.setDouble(4, lat);
					rtree.setDouble(5, lat);
					rtree.executeUpdate();
				}
			}
			c.commit();
			return n;
		}
	}

	private static void text(PreparedStatement s, int index, String value) throws SQLException {
		if (value == null || value.isEmpty()) {
			s.setNull(index, Types.VARCHAR);
		}
		else {
			s.setString(index, value);
		}
	}

	private static double seconds(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	/** The most heap in use, sampled on a daemon thread. */
	static final class PeakHeap implements AutoCloseable {

		private volatile boolean running = true;

		private volatile long peak;

		private final Thread thread;

		private PeakHeap() {
			this.thread = new Thread(() -> {
				java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
				while (this.running) {
					this.peak = Math.max(this.peak, memory.getHeapMemoryUsage().getUsed());
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "bench-heap");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		static PeakHeap start() {
			return new PeakHeap();
		}

		long peakBytes() {
			return this.peak;
		}

		@Override
		public void close() {
			this.running = false;
			this.thread.interrupt();
		}

	}

}
