package org.truce.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.cli.Spring;
import org.truce.cli.StoreOptions;
import org.truce.incident.model.ClusteringRules;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.MerkleTree;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.ServerProcess;
import org.truce.testing.SyriaBox;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truce bench}: measures Truce and prints the figures. A benchmark, not a test:
 * nothing here passes or fails on time. Every store it uses is its own: a temporary
 * directory for SQLite, a fresh schema for PostgreSQL, both removed at the end.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, description = {
		"Measures Truce and prints figures; nothing passes or fails on time.",
		"intake: reports/s and latency of POST /api/reports over HTTP with durable commits.",
		"radius: radius queries over many reports, Truce's stores against raw PostGIS SQL,"
				+ " then the peak heap of a separate server JVM serving the same queries over HTTP.",
		"memory: only that last part of radius.",
		"adjudication: incident x term evaluations per second on one thread against many large zones,"
				+ " with a PostGIS ST_Intersects join over the same data as the baseline when a PostgreSQL URL"
				+ " is given.",
		"ledger: (a) entries appended per second with durable commits, in batches as group commit makes"
				+ " them; (b) inclusion proofs in a log of many entries; (c) recomputing every leaf and"
				+ " root of an exported log.",
		"clustering: Clustering.cluster on synthetic reports with duplicates at several sizes (--sizes), one"
				+ " thread: time, ns per report, growth against n log n, and pairwise precision and recall"
				+ " against the generator's ground truth.",
		"deconfliction: proximity alerts with --sites notified sites and --movements active movements, reports"
				+ " sent over HTTP at --rate per second: the time from a report being accepted to its alert being"
				+ " emitted, with the intake latency without protected places as the baseline.",
		"import: a synthetic ACLED export of --rows rows, (a) loaded raw into SQLite by plain JDBC (one transaction,"
				+ " table + R*Tree) and (b) imported by truce import acled into a fresh store; the ratio (b)/(a),"
				+ " then clustering and adjudication of the imported rows, each timed on its own.",
		"batch: reports/s and per-batch latency of POST /api/reports/batch (NDJSON, --batch-size reports a batch,"
				+ " --batch-clients clients), with single POSTs to /api/reports measured first in the same server"
				+ " as the baseline; checks that the store holds exactly the reports acknowledged.",
		"trivial: a bare Spring Boot MVC app (GET of a 30-item list, POST echo) and Truce on SQLite (GET"
				+ " /api/event-types with a token and anonymously, GET /api/reports/{id}, /actuator/health) under the"
				+ " same closed-loop load in one run: requests/s, p50/p99, CPU per request, Truce / bare.",
		"bulletin: the demo record loaded (not timed), then a month's bulletin (March 2016 under the cessation of"
				+ " hostilities) computed and written as bulletin.json --bulletin-runs times for staff and for the public:"
				+ " p50/p99 against the goal of 2 s.",
		"all: every suite.", "The stores are fresh: a temporary directory for SQLite, a schema truce_bench_<random> for"
				+ " PostgreSQL; both are removed at the end." })
public class BenchCommand implements Callable<Integer> {

	static final String SOURCE = "bench";

	private static final Map<String, Object> QUIET = Map.of("logging.level.root", "error");

	enum Suite {

		intake, radius, memory, adjudication, ledger, clustering, deconfliction, batch, trivial, bulletin,
		/** {@code import}, a Java keyword, hence the underscore; the command line spells it without. */
		import_ {
			@Override
			public String toString() {
				return "import";
			}
		},
		all

	}

	enum Store {

		sqlite, postgres, both

	}

	/** Reads {@code import} as {@link Suite#import_}. */
	static final class SuiteName implements CommandLine.ITypeConverter<Suite> {

		@Override
		public Suite convert(String value) {
			return value.equals("import") ? Suite.import_ : Suite.valueOf(value);
		}

	}

	@Spec
	CommandSpec spec;

	@Option(names = "--suite", defaultValue = "all", converter = SuiteName.class,
			description = "intake, radius, memory, adjudication, ledger, clustering, deconfliction, batch, import,"
					+ " trivial, bulletin or all"
					+ " (default: ${DEFAULT-VALUE}).")
	Suite suite;

	@Option(names = "--bulletin-runs", defaultValue = "20",
			description = "bulletin: measured runs for each reader (default: ${DEFAULT-VALUE}).")
	int bulletinRuns;

	@Option(names = "--store",
			description = "sqlite, postgres or both (default: both when a PostgreSQL URL is given, else sqlite).")
	Store store;

	@Option(names = "--db", paramLabel = "URL",
			description = "A jdbc:postgresql:// URL of a database with PostGIS (default: $TRUCE_BENCH_PG_URL).")
	String db;

	@Option(names = "--clients", defaultValue = "32",
			description = "intake, trivial: concurrent clients (default: ${DEFAULT-VALUE}).")
	int clients;

	@Option(names = "--warmup", defaultValue = "5", paramLabel = "SECONDS",
			description = "intake, trivial: unmeasured seconds first (default: ${DEFAULT-VALUE}).")
	double warmup;

	@Option(names = "--duration", defaultValue = "20", paramLabel = "SECONDS",
			description = "intake, trivial: measured seconds (default: ${DEFAULT-VALUE}).")
	double duration;

	@Option(names = "--rounds", defaultValue = "1",
			description = "trivial: times each request kind is measured, in turn (default: ${DEFAULT-VALUE}).")
	int rounds;

	@Option(names = "--reports", defaultValue = "1000000",
			description = "radius: reports stored (default: ${DEFAULT-VALUE}).")
	int reports;

	@Option(names = "--queries", defaultValue = "1000",
			description = "radius: query points (default: ${DEFAULT-VALUE}).")
	int queries;

	@Option(names = "--radius", defaultValue = "5000", paramLabel = "METRES",
			description = "radius: of each query (default: ${DEFAULT-VALUE}).")
	double radius;

	@Option(names = "--passes", defaultValue = "3", description = "radius: timed passes (default: ${DEFAULT-VALUE}).")
	int passes;

	@Option(names = "--batch", defaultValue = "10000",
			description = "radius: reports per Reports.append while loading (default: ${DEFAULT-VALUE}).")
	int batch;

	@Option(names = "--http-clients", defaultValue = "4",
			description = "memory: concurrent query clients (default: ${DEFAULT-VALUE}).")
	int httpClients;

	@Option(names = "--server-heap", defaultValue = "512m",
			description = "memory: -Xmx of the server JVM (default: ${DEFAULT-VALUE}).")
	String serverHeap;

	@Option(names = "--zones", defaultValue = "500",
			description = "adjudication: zone polygons (default: ${DEFAULT-VALUE}).")
	int zones;

	@Option(names = "--vertices", defaultValue = "1000",
			description = "adjudication: vertices per zone (default: ${DEFAULT-VALUE}).")
	int vertices;

	@Option(names = "--terms", defaultValue = "10",
			description = "adjudication: terms, each over an equal share of the zones, one of them over the whole"
					+ " area (default: ${DEFAULT-VALUE}).")
	int terms;

	@Option(names = "--incidents", defaultValue = "50000",
			description = "adjudication: incidents evaluated (default: ${DEFAULT-VALUE}).")
	int incidents;

	@Option(names = "--append-entries", defaultValue = "200000",
			description = "ledger (a): entries appended for each batch size (default: ${DEFAULT-VALUE}).")
	int appendEntries;

	@Option(names = "--append-batches", defaultValue = "1,100,1000", split = ",",
			description = "ledger (a): entries per commit, one run each (default: ${DEFAULT-VALUE}).")
	List<Integer> appendBatches;

	@Option(names = "--append-seconds", defaultValue = "20",
			description = "ledger (a): stop a run after this many seconds of appending (default: ${DEFAULT-VALUE}).")
	double appendSeconds;

	@Option(names = "--proof-leaves", defaultValue = "10000000",
			description = "ledger (b): entries in the log (default: ${DEFAULT-VALUE}).")
	long proofLeaves;

	@Option(names = "--proofs", defaultValue = "1000",
			description = "ledger (b): timed inclusion proofs (default: ${DEFAULT-VALUE}).")
	int proofs;

	@Option(names = "--verify-entries", defaultValue = "1000000",
			description = "ledger (c): entries in the exported log (default: ${DEFAULT-VALUE}).")
	int verifyEntries;

	@Option(names = "--verify-canonical",
			description = "ledger (c): also check that every line is canonical JSON (parse and re-serialise), which"
					+ " the leaf hashes do not need.")
	boolean verifyCanonical;

	@Option(names = "--sizes", defaultValue = "100000,300000,1000000", split = ",",
			description = "clustering: numbers of reports, one timed run each (default: ${DEFAULT-VALUE}).")
	List<Integer> sizes;

	@Option(names = "--sites", defaultValue = "10000",
			description = "deconfliction: notified sites (default: ${DEFAULT-VALUE}).")
	int sites;

	@Option(names = "--movements", defaultValue = "1000",
			description = "deconfliction: notified movements, active over the reports' times (default: ${DEFAULT-VALUE}).")
	int movements;

	@Option(names = "--rate", defaultValue = "100",
			description = "deconfliction: reports sent per second, open loop (default: ${DEFAULT-VALUE}).")
	int rate;

	@Option(names = "--rows", defaultValue = "300000",
			description = "import: rows of the synthetic ACLED file (default: ${DEFAULT-VALUE}).")
	int rows;

	@Option(names = "--import-only",
			description = "import: time the import alone, without clustering and adjudication afterwards.")
	boolean importOnly;
	@Option(names = "--batch-size", defaultValue = "500",
			description = "batch: reports in a batch (default: ${DEFAULT-VALUE}).")
	int batchSize;

	@Option(names = "--batch-clients", defaultValue = "4",
			description = "batch: concurrent clients sending batches (default: ${DEFAULT-VALUE}).")
	int batchClients;

	@Option(names = "--seed", defaultValue = "20160919", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--work", paramLabel = "DIR",
			description = "Where the SQLite stores and server logs go (default: a new temporary directory, removed"
					+ " at the end).")
	Path work;

	@Option(names = "--keep",
			description = "Keep the stores (the work directory and the PostgreSQL schema of the radius suite) for"
					+ " inspection, and print where they are.")
	boolean keep;

	private PrintWriter out;

	/** The load clients' API token for each store of the radius suite. */
	private final Map<String, String> radiusTokens = new HashMap<>();

	@Override
	public Integer call() throws Exception {
		this.out = this.spec.commandLine().getOut();
		String pgUrl = this.db != null ? this.db : System.getenv("TRUCE_BENCH_PG_URL");
		Store stores = this.store != null ? this.store : (pgUrl != null ? Store.both : Store.sqlite);
		if (stores != Store.sqlite && pgUrl == null) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--store " + stores + " needs --db jdbc:postgresql://... or TRUCE_BENCH_PG_URL");
		}
		boolean sqlite = stores != Store.postgres;
		String postgres = stores != Store.sqlite ? pgUrl : null;
		boolean temporary = this.work == null;
		Path dir = temporary ? Files.createTempDirectory("truce-bench-") : Files.createDirectories(this.work);
		header(stores);
		try {
			if (this.suite == Suite.intake || this.suite == Suite.all) {
				if (sqlite) {
					intake("sqlite", dir.resolve("intake-sqlite"), null);
				}
				if (postgres != null) {
					try (PgSchema schema = PgSchema.create(postgres)) {
						intake("postgresql", dir.resolve("intake-pg"), schema.url());
					}
				}
			}
			if (this.suite == Suite.radius || this.suite == Suite.memory || this.suite == Suite.all) {
				radius(sqlite ? dir.resolve("radius-sqlite") : null, postgres, dir, this.suite != Suite.memory);
			}
			if (this.suite == Suite.adjudication || this.suite == Suite.all) {
				this.out.printf("%n== adjudication%n");
				this.out.flush();
				new AdjudicationBenchmark(this.zones, this.vertices, this.terms, this.incidents, this.seed)
					.run(this.out, postgres);
				this.out.flush();
			}
			if (this.suite == Suite.ledger || this.suite == Suite.all) {
				ledger(sqlite, postgres, dir);
			}
			if (this.suite == Suite.deconfliction || this.suite == Suite.all) {
				deconfliction(dir.resolve("deconfliction-sqlite"), sqlite ? null : postgres);
			}
			if (this.suite == Suite.import_ || this.suite == Suite.all) {
				importSuite(sqlite, postgres, dir);
			}
			if (this.suite == Suite.batch || this.suite == Suite.all) {
				if (sqlite) {
					batch("sqlite", dir.resolve("batch-sqlite"), null);
				}
				if (postgres != null) {
					try (PgSchema schema = PgSchema.create(postgres)) {
						batch("postgresql", dir.resolve("batch-pg"), schema.url());
					}
				}
			}
			if (this.suite == Suite.trivial || this.suite == Suite.all) {
				new TrivialBenchmark(this.clients, seconds(this.warmup), seconds(this.duration), this.rounds, this.seed)
					.run(this.out, dir.resolve("trivial-sqlite"), BenchCommand::monitorToken);
			}
			if (this.suite == Suite.bulletin || this.suite == Suite.all) {
				new BulletinBenchmark(this.bulletinRuns).run(this.out, dir.resolve("bulletin-sqlite"));
			}
			if (this.suite == Suite.clustering || this.suite == Suite.all) {
				this.out.printf("%n== clustering%n");
				this.out.flush();
				new ClusteringBenchmark(this.sizes, this.seed, ClusteringRules.defaults()).run(this.out);
				this.out.flush();
			}
		}
		finally {
			if (temporary && !this.keep) {
				delete(dir);
			}
			else {
				this.out.printf("%nkept: %s%n", dir);
			}
		}
		this.out.flush();
		return 0;
	}

	private void header(Store stores) {
		Runtime runtime = Runtime.getRuntime();
		this.out.printf("truce bench: suite %s, store %s, at %s%n", this.suite, stores, Instant.now());
		this.out.printf("machine: %d cores, Java %s (%s), this JVM's max heap %d MB, GC %s%n",
				runtime.availableProcessors(), System.getProperty("java.version"), System.getProperty("java.vm.name"),
				runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans()
					.stream()
					.map(b -> b.getName())
					.reduce((a, b) -> a + ", " + b)
					.orElse("?"));
		this.out.println("caveat: the load-generating clients run on the same machine as the server and the"
				+ " database, sharing its " + runtime.availableProcessors() + " cores; the figures are noisy and"
				+ " lower than a server alone would reach.");
		this.out.flush();
	}

	// ---- intake

	private void intake(String label, Path data, String pgUrl) throws Exception {
		this.out.printf("%n== intake, %s: %d clients, %.0f s warm-up, %.0f s measured%n", label,
				this.clients, this.warmup, this.duration);
		this.out.flush();
		try (BenchServer server = BenchServer.start(StoreOptions.of(data, pgUrl), Map.of())) {
			ConfigurableApplicationContext context = server.context();
			Reports store = context.getBean(Reports.class);
			long before = store.count();
			BackgroundWatch background = new BackgroundWatch(context);
			IntakeLoad.Result r;
			try {
				r = IntakeLoad
					.run(new IntakeLoad.Settings(server.base(), monitorToken(context),
							this.clients, seconds(this.warmup), seconds(this.duration), SOURCE, this.seed));
			}
			finally {
				background.close();
			}
			long stored = store.count() - before;
			this.out.printf("  throughput: %.1f reports/s acknowledged with 201 (%d in %.1f s)%n", r.throughput(),
					r.measuredCreated(), r.seconds());
			this.out.printf("  latency:    %s%n", r.latency().line());
			this.out.printf(
					"  cpu:        %.0f us of this JVM's CPU (clients + server%s) per report, %.2f of %d cores busy%n",
					r.cpuMicrosPerReport(), pgUrl != null ? "; not PostgreSQL's own" : "",
					r.cpuNanos() / 1e9 / r.seconds(), Runtime.getRuntime().availableProcessors());
			this.out.printf("  responses:  %s%n", r.outcomes());
			long errors = r.outcomes()
				.entrySet()
				.stream()
				.filter(e -> !e.getKey().equals("201"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			this.out.printf("  errors:     %d%n", errors);
			this.out.printf("  stored:     %d reports in the store; %d acknowledged with 201 (warm-up included): %s%n",
					stored, r.acknowledged(), stored == r.acknowledged() ? "match" : "MISMATCH");
			this.out.printf("  goal:       >= 2000 reports/s with p99 <= 50 ms: %s%n",
					r.throughput() >= 2000 && r.latency().p99() <= 50 ? "met" : "missed");
			background.report(this.out, 300);
		}
		this.out.flush();
	}

	// ---- import

	private void importSuite(boolean sqlite, String postgres, Path dir) throws Exception {
		if (sqlite) {
			this.out.printf("%n== import, sqlite: %,d ACLED-format rows%n", this.rows);
			this.out.flush();
			new ImportBenchmark(this.rows, this.seed, this.importOnly, this.out).run(Files.createDirectories(dir.resolve("import-sqlite")),
					null, true);
		}
		if (postgres != null) {
			this.out.printf("%n== import, postgresql: %,d ACLED-format rows (the baseline is still the raw SQLite load)%n",
					this.rows);
			this.out.flush();
			try (PgSchema schema = PgSchema.create(postgres)) {
				new ImportBenchmark(this.rows, this.seed, this.importOnly, this.out)
					.run(Files.createDirectories(dir.resolve("import-pg")), schema.url(), true);
			}
		}
	}

	// ---- batch

	private void batch(String label, Path data, String pgUrl) throws Exception {
		this.out.printf("%n== batch, %s: batches of %d reports from %d clients against single POSTs from %d clients;"
				+ " each %.0f s warm-up, %.0f s measured%n", label, this.batchSize, this.batchClients, this.clients,
				this.warmup, this.duration);
		this.out.flush();
		try (BenchServer server = BenchServer.start(StoreOptions.of(data, pgUrl),
				Map.of("truce.limits.batch-reports", Math.max(1000, this.batchSize)))) {
			ConfigurableApplicationContext context = server.context();
			URI base = server.base();
			Reports store = context.getBean(Reports.class);
			String token = monitorToken(context);
			long before = store.count();
			IntakeLoad.Result single = IntakeLoad.run(new IntakeLoad.Settings(base, token, this.clients,
					seconds(this.warmup), seconds(this.duration), SOURCE, this.seed));
			long singleStored = store.count() - before;
			before = store.count();
			IntakeLoad.Result batch = BatchLoad.run(new BatchLoad.Settings(base, token, this.batchClients,
					this.batchSize, seconds(this.warmup), seconds(this.duration), SOURCE, this.seed));
			long batchStored = store.count() - before;
			this.out.printf("  %-28s %12s %10s %10s %10s %14s%n", "", "reports/s", "p50 ms", "p99 ms", "max ms",
					"CPU us/report");
			this.out.printf(Locale.ROOT, "  %-28s %12.1f %10.1f %10.1f %10.1f %14.0f%n", "single POST (baseline)",
					single.throughput(), single.latency().p50(), single.latency().p99(), single.latency().max(),
					single.cpuMicrosPerReport());
			this.out.printf(Locale.ROOT, "  %-28s %12.1f %10.1f %10.1f %10.1f %14.0f%n",
					"batch of " + this.batchSize + " (latency: batch)", batch.throughput(), batch.latency().p50(),
					batch.latency().p99(), batch.latency().max(), batch.cpuMicrosPerReport());
			this.out.printf(Locale.ROOT, "  ratio batch / single:        %.1fx the reports/s, %.2fx the CPU per report%n",
					batch.throughput() / Math.max(1e-9, single.throughput()),
					batch.cpuMicrosPerReport() / Math.max(1e-9, single.cpuMicrosPerReport()));
			this.out.printf("  single responses: %s%n", single.outcomes());
			this.out.printf("  batch responses:  %s; items %s%n", batch.outcomes(), batch.items());
			this.out.printf("  stored (single):  %d reports in the store; %d acknowledged with 201: %s%n", singleStored,
					single.acknowledged(), singleStored == single.acknowledged() ? "match" : "MISMATCH");
			this.out.printf("  stored (batch):   %d reports in the store; %d acknowledged as created: %s%n",
					batchStored, batch.acknowledged(), batchStored == batch.acknowledged() ? "match" : "MISMATCH");
			this.out.printf("  goal:             >= 20000 reports/s in batches of 500: %s%n",
					this.batchSize == 500 ? (batch.throughput() >= 20_000 ? "met" : "missed") : "not measured");
		}
		this.out.flush();
	}

	// ---- deconfliction

	private void deconfliction(Path data, String pgUrl) throws Exception {
		this.out.printf("%n== deconfliction, %s: %d sites, %d movements, %d reports/s%n",
				pgUrl == null ? "sqlite" : "postgresql", this.sites, this.movements, this.rate);
		this.out.flush();
		PgSchema schema = pgUrl == null ? null : PgSchema.create(pgUrl);
		try (BenchServer server = BenchServer.start(StoreOptions.of(data, schema == null ? null : schema.url()),
				Map.of())) {
			ConfigurableApplicationContext context = server.context();
			new DeconflictionBenchmark(this.sites, this.movements, this.rate, seconds(this.warmup),
					seconds(this.duration), this.seed)
				.run(this.out, context, server.port(), monitorToken(context), SOURCE);
		}
		finally {
			if (schema != null) {
				schema.close();
			}
		}
		this.out.flush();
	}

	// ---- radius and memory

	private void radius(Path sqliteData, String pgBaseUrl, Path dir, boolean timed) throws Exception {
		List<SyriaBox.Point> points = SyriaBox.points(this.seed + 1, this.queries);
		this.out.printf(
				"%n== radius: %d reports uniform in lon %.1f-%.1f, lat %.1f-%.1f; %d query points;"
						+ " %.0f m radius%n",
				this.reports, SyriaBox.MIN_LON, SyriaBox.MAX_LON, SyriaBox.MIN_LAT, SyriaBox.MAX_LAT, this.queries,
				this.radius);
		ConfigurableApplicationContext sqlite = null;
		ConfigurableApplicationContext postgres = null;
		PgSchema schema = null;
		try {
			if (sqliteData != null) {
				sqlite = Spring.offline(StoreOptions.of(sqliteData, null), QUIET);
				load("sqlite", sqlite);
			}
			if (pgBaseUrl != null) {
				schema = PgSchema.create(pgBaseUrl);
				postgres = Spring.offline(StoreOptions.of(dir.resolve("radius-pg"), schema.url()), QUIET);
				this.out.printf("  postgresql schema %s%n", schema.name());
				load("postgresql", postgres);
			}
			if (timed) {
				compare(sqlite, postgres, schema, points);
			}
			close(sqlite);
			sqlite = null;
			close(postgres);
			postgres = null;
			if (!HeapWatch.available()) {
				this.out.println("\n== memory: skipped, this Java has no jstat and jcmd (a JRE, not a JDK)");
				return;
			}
			if (sqliteData != null) {
				memory("sqlite", List.of("--data", sqliteData.toString()), dir, points);
			}
			if (schema != null) {
				memory("postgresql", List.of("--db", schema.url()), dir, points);
			}
		}
		finally {
			close(sqlite);
			close(postgres);
			if (schema != null && this.keep) {
				this.out.printf("kept: schema %s (%s)%n", schema.name(), schema.url());
			}
			else if (schema != null) {
				schema.close();
			}
		}
	}

	private void load(String label, ConfigurableApplicationContext context) {
		context.getBean(Sources.class).save(new Source(SOURCE, "Benchmark data", SourceKind.DATASET, Reliability.F));
		this.radiusTokens.put(label, monitorToken(context));
		Reports store = context.getBean(Reports.class);
		SyntheticReports made = new SyntheticReports(this.seed, SOURCE);
		long appending = 0;
		long cpu = ProcessCpu.nanos();
		long started = System.nanoTime();
		int step = Math.max(1, this.reports / 10);
		int nextMark = step;
		for (int done = 0; done < this.reports;) {
			List<Reports.NewReport> batch = made.next(Math.min(this.batch, this.reports - done));
			long t0 = System.nanoTime();
			store.append(batch);
			appending += System.nanoTime() - t0;
			done += batch.size();
			if (done >= nextMark && done < this.reports) {
				this.out.printf("  loading %s: %d%n", label, done);
				this.out.flush();
				nextMark += step;
			}
		}
		double wall = (System.nanoTime() - started) / 1e9;
		this.out.printf(
				"  loaded %s: %d reports in %.1f s (%.0f reports/s; %.1f s inside Reports.append, batches of"
						+ " %d; %.1f s of this JVM's CPU)%n",
				label, this.reports, wall, this.reports / wall, appending / 1e9, this.batch,
				(ProcessCpu.nanos() - cpu) / 1e9);
		long t0 = System.nanoTime();
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		jdbc.execute(label.equals("sqlite") ? "ANALYZE" : "VACUUM ANALYZE reports");
		this.out.printf("  %s: %s in %.1f s; %d reports stored%n", label,
				label.equals("sqlite") ? "ANALYZE" : "VACUUM ANALYZE reports", (System.nanoTime() - t0) / 1e9,
				store.count());
		this.out.flush();
	}

	private void compare(ConfigurableApplicationContext sqlite, ConfigurableApplicationContext postgres,
			PgSchema schema, List<SyriaBox.Point> points) throws Exception {
		List<RadiusComparison.Contender> contenders = new ArrayList<>();
		RadiusComparison.Contender a = null;
		RadiusComparison.Contender b = null;
		RadiusComparison.Contender c = null;
		if (sqlite != null) {
			a = RadiusComparison.Contender.of("(a) truce sqlite", truce(sqlite.getBean(Reports.class)));
			contenders.add(a);
		}
		RawPostgis raw = null;
		try {
			if (postgres != null) {
				b = RadiusComparison.Contender.of("(b) truce postgis", truce(postgres.getBean(Reports.class)));
				contenders.add(b);
				raw = new RawPostgis(schema.url());
				RawPostgis rawPostgis = raw;
				c = RadiusComparison.Contender.of("(c) raw postgis", rawPostgis::select);
				contenders.add(c);
				contenders.add(new RadiusComparison.Contender("(c') raw postgis count", null, rawPostgis::count));
			}
			this.out.printf("  a warm-up pass that also compares the answers, then %d timed passes%n", this.passes);
			this.out.flush();
			RadiusComparison.Outcome outcome = RadiusComparison.run(contenders, points, this.radius, this.passes,
					this.out);
			this.out.println("  per query, over all timed passes:");
			for (RadiusComparison.Timing t : outcome.timings()) {
				this.out.printf("  %-24s %s, total %.2f s, %d found per pass%n", t.contender().label(),
						t.latency().line(), t.latency().total() / 1000, t.resultsPerPass());
			}
			this.out.printf("  checksum (reports found per pass): %s%n",
					outcome.timings()
						.stream()
						.map(t -> t.contender().label().split(" ")[0] + " " + t.resultsPerPass())
						.reduce((x, y) -> x + ", " + y)
						.orElse(""));
			if (outcome.differences().isEmpty()) {
				this.out.println("  answers: identical sets of reports for every query");
			}
			else {
				this.out.printf("  answers: %d differences%n", outcome.differences().size());
				outcome.differences().stream().limit(20).forEach(d -> this.out.println("    " + d));
			}
			Samples.Summary baseline = c == null ? null : timing(outcome, c);
			if (baseline == null) {
				this.out.println("  ratios: none, no PostGIS baseline in this run (--store sqlite)");
			}
			else {
				for (RadiusComparison.Contender x : new RadiusComparison.Contender[] { a, b }) {
					if (x != null) {
						Samples.Summary s = timing(outcome, x);
						this.out.printf(
								"  ratio %s / (c): mean %.2f, p50 %.2f, p99 %.2f (goal: within 1.5x on the mean: %s)%n",
								x.label().split(" ")[0], s.mean() / baseline.mean(), s.p50() / baseline.p50(),
								s.p99() / baseline.p99(), s.mean() / baseline.mean() <= 1.5 ? "met" : "missed");
					}
				}
			}
		}
		finally {
			if (raw != null) {
				raw.close();
			}
		}
		this.out.flush();
	}

	private static Samples.Summary timing(RadiusComparison.Outcome outcome, RadiusComparison.Contender c) {
		return outcome.timings().stream().filter(t -> t.contender() == c).findFirst().orElseThrow().latency();
	}

	private RadiusComparison.Search truce(Reports store) {
		return (centre, metres) -> store
			.find(ReportQuery.all(ReportQuery.MAX_LIMIT)
				.withNear(new ReportQuery.Circle(centre.latitude(), centre.longitude(), metres)))
			.reports()
			.stream()
			.map(r -> new Hit(r.id().toString(), r.where().latitude(), r.where().longitude()))
			.toList();
	}

	private void memory(String label, List<String> storeArgs, Path dir, List<SyriaBox.Point> points) throws Exception {
		this.out.printf(
				"%n== memory, %s: a separate server JVM with -Xmx%s; %d clients send each of the %d radius"
						+ " queries %d times (GET /api/reports?lat=&lon=&radius=%.0f&limit=1000)%n",
				label, this.serverHeap, this.httpClients, points.size(), this.passes + 1, this.radius);
		this.out.flush();
		Path log = dir.resolve("server-" + label + ".log");
		try (ServerProcess server = ServerProcess.start(storeArgs, List.of("-Xmx" + this.serverHeap), log,
				Duration.ofMinutes(3))) {
			HeapWatch.collect(server.pid());
			HeapWatch.Sample idle = HeapWatch.once(server.pid());
			HttpRadiusLoad.Result r;
			HeapWatch.Sample peak;
			int samples;
			try (HeapWatch watch = HeapWatch.start(server.pid(), 50)) {
				watch.awaitFirstSample(Duration.ofSeconds(30));
				r = HttpRadiusLoad.run(server.base(), this.radiusTokens.get(label), points, this.radius, 1000,
						this.httpClients, this.passes + 1);
				Thread.sleep(200);
				peak = watch.peak();
				samples = watch.samples();
			}
			HeapWatch.Sample busy = HeapWatch.once(server.pid());
			HeapWatch.collect(server.pid());
			HeapWatch.Sample after = HeapWatch.once(server.pid());
			this.out.printf("  heap in use after a full GC, before the queries: %.1f MB%n", idle.usedMb());
			if (peak != null) {
				this.out.printf(
						"  peak heap in use while serving (jstat every 50 ms, %d samples): %.1f MB"
								+ " (committed %.1f MB, old generation %.1f MB)%n",
						samples, peak.usedMb(), peak.committedKb() / 1024, peak.oldUsedKb() / 1024);
			}
			this.out.printf("  heap in use after a full GC, after the queries: %.1f MB%n", after.usedMb());
			this.out.printf("  GC while serving: %d young, %d full collections, %.2f s of %.1f s%n",
					busy.youngGcs() - idle.youngGcs(), busy.fullGcs() - idle.fullGcs(),
					busy.gcSeconds() - idle.gcSeconds(), r.seconds());
			this.out.printf("  queries: %s; %d reports returned; responses %s%n", r.latency().line(), r.items(),
					r.outcomes());
			this.out.printf("  goal: peak heap under 512 MB: %s%n",
					peak != null && peak.usedMb() < 512 && r.outcomes().keySet().equals(java.util.Set.of("200")) ? "met"
							: "missed or not measured");
			this.out.println("  note: -Xmx caps the heap, so the peak is bounded by construction; what shows the fit"
					+ " is that every query answered 200 and the GC figures above.");
		}
		this.out.flush();
	}

	// ---- ledger

	private void ledger(boolean sqlite, String postgres, Path dir) throws Exception {
		if (sqlite) {
			ledgerAppends("sqlite", dir.resolve("ledger-append-sqlite"), null);
		}
		if (postgres != null) {
			try (PgSchema schema = PgSchema.create(postgres)) {
				ledgerAppends("postgresql", dir.resolve("ledger-append-pg"), schema.url());
			}
		}
		if (sqlite) {
			Path data = dir.resolve("ledger-proof-sqlite");
			ledgerProofs("sqlite", data, null,
					() -> DriverManager.getConnection("jdbc:sqlite:" + data.resolve("truce.db").toAbsolutePath()));
		}
		if (postgres != null) {
			try (PgSchema schema = PgSchema.create(postgres)) {
				ledgerProofs("postgresql", dir.resolve("ledger-proof-pg"), schema.url(),
						() -> DriverManager.getConnection(schema.url()));
			}
		}
		ledgerVerification(dir);
	}

	private void ledgerAppends(String label, Path data, String pgUrl) throws SQLException {
		this.out.printf("%n== ledger (a), %s: Ledger.append of report-sized entries, one durable transaction per"
				+ " batch%s%n", label, pgUrl == null ? " (synchronous=FULL)" : "");
		this.out.printf("  baseline, same run and store: the same rows (entries and tree nodes, made beforehand) inserted"
				+ " with plain JDBC, a prepared batch per table, one commit per batch%n");
		this.out.flush();
		ConfigurableApplicationContext context = Spring.offline(StoreOptions.of(data, pgUrl), QUIET);
		try (Connection raw = pgUrl == null
				? DriverManager.getConnection("jdbc:sqlite:" + data.resolve("truce.db").toAbsolutePath())
				: DriverManager.getConnection(pgUrl)) {
			Ledger ledger = context.getBean(Ledger.class);
			Random random = new Random(this.seed);
			LedgerBenchmark.appends(ledger, 2000, 100, 5, random);
			LedgerBenchmark.rawAppends(raw, pgUrl != null, 2000, 100, 5, random);
			int encoding = Math.min(this.appendEntries, 20_000);
			double encoded = LedgerBenchmark.encodingRate(encoding, random);
			this.out.printf("  encoding alone (canonical JSON + leaf hash, one thread): %,10.0f entries/s (%d entries)%n",
					encoded, encoding);
			for (int batch : this.appendBatches) {
				LedgerBenchmark.AppendResult b = LedgerBenchmark.rawAppends(raw, pgUrl != null, this.appendEntries,
						batch, this.appendSeconds, random);
				this.out.printf(
						"  batch %5d, baseline (plain JDBC): %,10.0f entries/s (%d entries, %d commits, %.2f s timed);"
								+ " per commit %s%n",
						batch, b.rate(), b.entries(), b.commits(), b.seconds(), b.perCommit().line());
				LedgerBenchmark.AppendResult r = LedgerBenchmark.appends(ledger, this.appendEntries, batch,
						this.appendSeconds, random);
				this.out.printf(
						"  batch %5d: %,10.0f entries/s (%d entries, %d commits, %.2f s inside Ledger.append, %.2f s"
								+ " wall); per commit %s%n",
						batch, r.rate(), r.entries(), r.commits(), r.seconds(), r.wallSeconds(), r.perCommit().line());
				this.out.printf("  batch %5d: Ledger.append / baseline = %.2f%n", batch, r.rate() / b.rate());
				if (batch > 1) {
					this.out.printf("  goal (batch %d): >= 20000 entries/s: %s%n", batch,
							r.rate() >= 20_000 ? "met" : "missed");
				}
				this.out.flush();
			}
			this.out.printf("  the log holds %d entries%n", ledger.size());
		}
		finally {
			context.close();
		}
	}

	private interface Connector {

		Connection connect() throws SQLException;

	}

	private void ledgerProofs(String label, Path data, String pgUrl, Connector connector) throws Exception {
		this.out.printf("%n== ledger (b), %s: inclusion proofs in a log of %,d entries%n", label, this.proofLeaves);
		this.out.flush();
		ConfigurableApplicationContext context = Spring.offline(StoreOptions.of(data, pgUrl), QUIET);
		try {
			long t0 = System.nanoTime();
			byte[] root;
			try (Connection c = connector.connect()) {
				LedgerBenchmark.NodeSink sink = pgUrl == null ? LedgerBenchmark.sqliteSink(c)
						: LedgerBenchmark.postgresSink(c);
				root = LedgerBenchmark.buildTree(this.proofLeaves, 1 << 16, sink, this.out);
			}
			this.out.printf(
					"  built the tree's %,d nodes (MerkleTree.appendAll in chunks of 65,536 leaves, written"
							+ " in bulk: %s) in %.1f s%n",
					2 * this.proofLeaves - Long.bitCount(this.proofLeaves),
					pgUrl == null ? "prepared batches, synchronous=OFF for the set-up" : "COPY",
					(System.nanoTime() - t0) / 1e9);
			Ledger ledger = context.getBean(Ledger.class);
			long size = ledger.size();
			boolean same = java.security.MessageDigest.isEqual(ledger.root(size), root);
			this.out.printf("  Ledger.size() = %,d; Ledger.root(size) %s the root computed while building%n", size,
					same ? "equals" : "DIFFERS FROM");
			Random random = new Random(this.seed + 2);
			LedgerBenchmark.ProofResult r = LedgerBenchmark.proofs(ledger::inclusionProof, size, root, this.proofs,
					Math.min(200, this.proofs), random);
			this.out.printf("  Ledger.inclusionProof, random leaves: %s (proofs of %d hashes; %d of %d verified"
					+ " against the root)%n", r.latency().line(), r.proofLength(), r.verified(), this.proofs);
			MerkleTree unbatched = new MerkleTree(LedgerBenchmark.oneByOne(context.getBean(LedgerStore.class).nodes()));
			int few = Math.max(1, Math.min(200, this.proofs));
			LedgerBenchmark.ProofResult b = LedgerBenchmark.proofs(unbatched::inclusionProof, size, root, few,
					Math.min(50, few), random);
			this.out.printf("  for comparison, one query per node: %s (%d of %d verified); ratio of means %.2f%n",
					b.latency().line(), b.verified(), few, b.latency().mean() / r.latency().mean());
			this.out.printf("  goal: an inclusion proof under 1 ms: %s (p50 %.3f ms, p99 %.3f ms)%n",
					r.latency().p99() < 1 ? "met at p99" : r.latency().p50() < 1 ? "met at p50, not at p99" : "missed",
					r.latency().p50(), r.latency().p99());
		}
		finally {
			context.close();
		}
		this.out.flush();
	}

	private void ledgerVerification(Path dir) throws IOException {
		this.out.printf("%n== ledger (c): verifying an exported log of %,d entries (no truce verify command yet: the"
				+ " core of one, measured here)%n", this.verifyEntries);
		this.out.flush();
		LedgerBenchmark.ExportedLog log = LedgerBenchmark.export(dir.resolve("ledger-export.jsonl"), this.verifyEntries,
				new Random(this.seed + 3));
		this.out.printf("  exported %,d entries, %.1f MB of canonical JSON lines, in %.1f s (root by MerkleTree)%n",
				log.entries(), log.bytes() / 1e6, log.seconds());
		for (boolean strict : this.verifyCanonical ? new boolean[] { false, true } : new boolean[] { false }) {
			LedgerBenchmark.Verification v = LedgerBenchmark.verify(log.file(), strict, 10_000);
			this.out.printf(
					"  %s: %,d leaves and %d checkpoint roots in %.2f s on one thread (%,.0f entries/s); root %s%s%n",
					strict ? "read + re-canonicalise (Jackson parse, JCS) + leaf hash + roots"
							: "read + leaf hash + roots",
					v.entries(), v.checkpoints(), v.seconds(), v.entries() / v.seconds(),
					java.security.MessageDigest.isEqual(v.root(), log.root()) ? "matches" : "DIFFERS",
					strict ? "; " + v.notCanonical() + " lines not canonical" : "");
			this.out.printf("  goal: under 10 s: %s%n", v.seconds() < 10 ? "met" : "missed");
		}
		Files.deleteIfExists(log.file());
		this.out.flush();
	}

	// ---- helpers

	/** A new API token of a new monitor, for the load clients. */
	static String monitorToken(ConfigurableApplicationContext context) {
		ManagingUsers users = context.getBean(ManagingUsers.class);
		String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		users.add(name, null, List.of(new Grant(Role.MONITOR, null)), ManagingUsers.COMMAND_LINE);
		return users.issueToken(name, "benchmark", null, ManagingUsers.COMMAND_LINE).secret();
	}

	private static Duration seconds(double s) {
		return Duration.ofNanos((long) (s * 1e9));
	}

	private static void close(ConfigurableApplicationContext context) {
		if (context != null && context.isActive()) {
			context.close();
		}
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
