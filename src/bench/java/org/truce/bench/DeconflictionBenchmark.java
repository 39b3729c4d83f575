package org.truce.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.deconfliction.application.AlertsRaised;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProtectedPlacesIndex;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.IncidentProbe;
import org.truce.deconfliction.model.ProximityIndex;
import org.truce.report.model.EventType;
import org.truce.testing.SyriaBox;

/**
 * Proximity alerts under load, in a server started by the caller: reports sent over HTTP
 * at a fixed rate (open loop: one every 1/rate s, whatever the answers): once to warm the
 * server, not measured, then with no protected places (the baseline), then with many
 * notified sites and active movements. It measures, in the same run:
 * <ul>
 * <li>intake latency (POST /api/reports to its 201) in both phases;</li>
 * <li>for each report that raises alerts, the time from the report being accepted (the
 * commit that stores it, with its alerts and their ledger entries) to its alerts being
 * emitted ({@link AlertsRaised}, when the event streams send them);</li>
 * <li>end to end, for the same reports, the time from the client sending the report to a
 * second client, subscribed to {@code /api/alerts/stream}, receiving its first alert
 * (intake, commit and delivery over the network together);</li>
 * <li>the proximity check alone, on one thread, over the same index.</li>
 * </ul>
 */
public final class DeconflictionBenchmark {

	private static final Pattern REPORT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final Pattern ALERT_REPORT = Pattern.compile("\"report\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private final int sites;

	private final int movements;

	private final int rate;

	private final Duration warmup;

	private final Duration duration;

	private final long seed;

	public DeconflictionBenchmark(int sites, int movements, int rate, Duration warmup, Duration duration, long seed) {
		this.sites = sites;
		this.movements = movements;
		this.rate = rate;
		this.warmup = warmup;
		this.duration = duration;
		this.seed = seed;
	}

	public void run(PrintWriter out, ConfigurableApplicationContext context, int port, String token, String sourceId)
			throws Exception {
		context.getBean(ActorDirectory.class)
			.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
					List.of("Syrian government"))));
		Emitted emitted = new Emitted();
		context.addApplicationListener(
				(ApplicationListener<PayloadApplicationEvent<AlertsRaised>>) e -> emitted.on(e.getPayload()));
		URI base = URI.create("http://127.0.0.1:" + port);

		// A cold server's first seconds (JIT, caches) would make a baseline no later
		// phase can be compared with.
		out.printf("  warming the server: the baseline's load once, not measured%n");
		out.flush();
		load(base, token, sourceId, this.seed + 5);
		out.printf("  baseline: no protected places; %d reports/s for %.0f s (+%.0f s warm-up)%n", this.rate,
				seconds(this.duration), seconds(this.warmup));
		out.flush();
		Phase baseline = load(base, token, sourceId, this.seed);
		out.printf("    intake latency:  %s%n", baseline.intake().line());
		out.printf("    responses:       %s%n", baseline.outcomes());
		out.printf("    alerts emitted:  %d%n", emitted.alerts.get());
		out.flush();

		long t0 = System.nanoTime();
		notify(context.getBean(Notifying.class), new Random(this.seed + 7));
		out.printf("  notified %d sites and %d movements (active over every report's time) in %.1f s%n", this.sites,
				this.movements, (System.nanoTime() - t0) / 1e9);
		ProximityIndex index = context.getBean(ProtectedPlacesIndex.class).current();
		out.printf("  index: %d places%n", index.size());
		engine(out, index);
		out.flush();

		emitted.reset();
		out.printf("  with places: %d reports/s for %.0f s (+%.0f s warm-up)%n", this.rate, seconds(this.duration),
				seconds(this.warmup));
		out.flush();
		emitted.measureFrom = System.nanoTime() + this.warmup.toNanos();
		Phase loaded;
		Samples.Summary endToEnd;
		try (StreamClient stream = StreamClient.open(base, token)) {
			loaded = load(base, token, sourceId, this.seed + 1);
			Thread.sleep(2000);
			endToEnd = stream.latencies(loaded.sent()).summary();
		}
		Samples.Summary alert = emitted.summary();
		out.printf("    intake latency:  %s%n", loaded.intake().line());
		out.printf("    responses:       %s%n", loaded.outcomes());
		out.printf("    reports raising alerts: %d of %d measured (%.0f %%), %d alerts%n", alert.count(),
				loaded.intake().count(), 100.0 * alert.count() / Math.max(1, loaded.intake().count()),
				emitted.measuredAlerts.get());
		out.printf("    accepted -> alert emitted:              %s%n", alert.line());
		out.printf("    sent -> alert received on the stream:   %s%n", endToEnd.line());
		out.printf(Locale.ROOT,
				"    p99 ratios to the baseline's intake p99: intake with places %.2f,"
						+ " accepted -> emitted %.3f, sent -> received %.2f%n",
				loaded.intake().p99() / baseline.intake().p99(), alert.p99() / baseline.intake().p99(),
				endToEnd.p99() / baseline.intake().p99());
		out.printf("  goal: accepted -> alert emitted p99 <= 100 ms at %d reports/s: %s%n", this.rate,
				alert.count() > 0 && alert.p99() <= 100 ? "met" : "missed");
		out.flush();
	}

	/** The proximity check alone: random violent reports in the same box, one thread. */
	private void engine(PrintWriter out, ProximityIndex index) {
		Random random = new Random(this.seed + 3);
		Instant at = Instant.parse("2016-09-19T16:30:00Z");
		List<IncidentProbe> probes = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			SyriaBox.Point p = SyriaBox.point(random);
			probes.add(new IncidentProbe(p.latitude(), p.longitude(), random.nextBoolean() ? 100 : 2000, at, at,
					EventType.AIR_DRONE_STRIKE));
		}
		for (int i = 0; i < 20_000; i++) {
			index.alerts(probes.get(i));
		}
		Samples samples = new Samples();
		long matches = 0;
		for (IncidentProbe probe : probes) {
			long t = System.nanoTime();
			matches += index.alerts(probe).size();
			samples.add(System.nanoTime() - t);
		}
		Samples.Summary s = samples.summary();
		out.printf(Locale.ROOT,
				"  proximity check alone (one thread, %d probes, %d matches): mean %.1f us, p50 %.1f us, p99 %.1f us,"
						+ " max %.1f us%n",
				s.count(), matches, s.mean() * 1000, s.p50() * 1000, s.p99() * 1000, s.max() * 1000);
	}

	/**
	 * Sites: points uniform in the box. Movements: routes of 2 to 6 legs of up to about
	 * 10 km each, active all of September 2016.
	 */
	private void notify(Notifying notifying, Random random) {
		Instant from = Instant.parse("2016-09-01T00:00:00Z");
		Instant to = Instant.parse("2016-10-01T00:00:00Z");
		for (int i = 0; i < this.sites; i++) {
			SyriaBox.Point p = SyriaBox.point(random);
			notifying
				.register(new Notifying.NewNotification("site", "Bench site " + i, "clinic", null,
						String.format(Locale.ROOT, "{\"type\": \"Point\", \"coordinates\": [%.6f, %.6f]}",
								p.longitude(), p.latitude()),
						null, null, List.of(), null, List.of("syria-government")), "bench-notifier");
		}
		for (int i = 0; i < this.movements; i++) {
			SyriaBox.Point p = SyriaBox.point(random);
			StringBuilder line = new StringBuilder("{\"type\": \"LineString\", \"coordinates\": [");
			double lon = p.longitude();
			double lat = p.latitude();
			int legs = 2 + random.nextInt(5);
			for (int j = 0; j <= legs; j++) {
				if (j > 0) {
					line.append(", ");
					lon += (random.nextDouble() - 0.5) * 0.2;
					lat += (random.nextDouble() - 0.5) * 0.16;
				}
				line.append(String.format(Locale.ROOT, "[%.6f, %.6f]", lon, lat));
			}
			line.append("]}");
			notifying.register(new Notifying.NewNotification("movement", "Bench convoy " + i, null, "convoy",
					line.toString(), from, to, List.of(), null, List.of("syria-government")), "bench-notifier");
		}
	}

	private Phase load(URI base, String token, String sourceId, long seed) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		Random random = new Random(seed);
		long start = System.nanoTime();
		long measureFrom = start + this.warmup.toNanos();
		long end = measureFrom + this.duration.toNanos();
		Samples intake = new Samples();
		Map<String, Long> outcomes = new TreeMap<>();
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		List<CompletableFuture<?>> pending = new ArrayList<>();
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		AtomicLong sent = new AtomicLong();
		long periodNanos = 1_000_000_000L / this.rate;
		ticker.scheduleAtFixedRate(() -> {
			long t0 = System.nanoTime();
			if (t0 >= end) {
				return;
			}
			String key = "bench-deconfliction-" + seed + "-" + sent.incrementAndGet();
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/reports"))
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(body(sourceId, key, random)))
				.build();
			CompletableFuture<?> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, ex) -> {
				long t1 = System.nanoTime();
				String outcome = ex != null ? ex.getClass().getSimpleName() : Integer.toString(r.statusCode());
				if (t0 >= measureFrom) {
					synchronized (intake) {
						intake.add(t1 - t0);
						outcomes.merge(outcome, 1L, Long::sum);
					}
					Matcher id = r == null ? null : REPORT_ID.matcher(r.body());
					if (id != null && r.statusCode() == 201 && id.find()) {
						sentAt.put(id.group(1), t0);
					}
				}
				return null;
			});
			synchronized (pending) {
				pending.add(f);
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		while (System.nanoTime() < end) {
			Thread.sleep(50);
		}
		ticker.shutdown();
		ticker.awaitTermination(10, TimeUnit.SECONDS);
		synchronized (pending) {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
		}
		synchronized (intake) {
			return new Phase(intake.summary(), outcomes, sentAt);
		}
	}

	/**
	 * A violent report somewhere in the box, during September 2016, surveyed or exact.
	 */
	private static String body(String sourceId, String key, Random random) {
		SyriaBox.Point p = SyriaBox.point(random);
		EventType type = random.nextBoolean() ? EventType.AIR_DRONE_STRIKE
				: EventType.SHELLING_ARTILLERY_MISSILE_ATTACK;
		return String.format(Locale.ROOT,
				"{\"eventType\":\"%s\",\"when\":{\"start\":\"2016-09-%02dT%02d:15:00+03:00\"},"
						+ "\"where\":{\"latitude\":%.6f,\"longitude\":%.6f,\"precision\":\"%s\"},"
						+ "\"actor\":\"Syrian government\",\"narrative\":\"Benchmark report %s.\","
						+ "\"source\":\"%s\",\"externalId\":\"%s\"}",
				type.code(), 2 + random.nextInt(27), random.nextInt(24), p.latitude(), p.longitude(),
				random.nextBoolean() ? "surveyed" : "exact", key, sourceId, key);
	}

	private static double seconds(Duration d) {
		return d.toNanos() / 1e9;
	}

	/**
	 * One phase's figures.
	 *
	 * @param sent for each measured report acknowledged with 201, its id and the
	 * {@link System#nanoTime()} at which it was sent
	 */
	private record Phase(Samples.Summary intake, Map<String, Long> outcomes, Map<String, Long> sent) {

	}

	/**
	 * A client subscribed to the alert stream, as a monitor's page is, noting when the
	 * first alert about each report arrives.
	 */
	private static final class StreamClient implements AutoCloseable {

		private final Map<String, Long> received = new ConcurrentHashMap<>();

		private final Stream<String> lines;

		private StreamClient(Stream<String> lines) {
			this.lines = lines;
		}

		static StreamClient open(URI base, String token) throws Exception {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/alerts/stream?timeoutSeconds=3600"))
				.header("Accept", "text/event-stream")
				.header("Authorization", "Bearer " + token)
				.GET()
				.build();
			CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request,
					HttpResponse.BodyHandlers.ofLines());
			HttpResponse<Stream<String>> r = response.get(30, TimeUnit.SECONDS);
			if (r.statusCode() != 200) {
				throw new IllegalStateException("the alert stream answered " + r.statusCode());
			}
			StreamClient client = new StreamClient(r.body());
			Thread reader = new Thread(() -> {
				try {
					client.lines.forEach(client::line);
				}
				catch (RuntimeException ex) {
					// The stream is closed at the end of the run.
				}
			}, "bench-alert-stream");
			reader.setDaemon(true);
			reader.start();
			return client;
		}

		private void line(String line) {
			if (!line.startsWith("data:")) {
				return;
			}
			long now = System.nanoTime();
			Matcher m = ALERT_REPORT.matcher(line);
			if (m.find()) {
				this.received.putIfAbsent(m.group(1), now);
			}
		}

		/** For each report sent and alerted about, sent to first alert received. */
		Samples latencies(Map<String, Long> sent) {
			Samples out = new Samples();
			sent.forEach((id, at) -> {
				Long got = this.received.get(id);
				if (got != null) {
					out.add(got - at);
				}
			});
			return out;
		}

		@Override
		public void close() {
			this.lines.close();
		}

	}

	/** The alerts emitted, one latency per report (its first emission). */
	private static final class Emitted {

		final AtomicLong alerts = new AtomicLong();

		final AtomicLong measuredAlerts = new AtomicLong();

		volatile long measureFrom = Long.MAX_VALUE;

		private final Samples latency = new Samples();

		private final Set<UUID> seen = new HashSet<>();

		synchronized void on(AlertsRaised event) {
			long now = System.nanoTime();
			this.alerts.addAndGet(event.alerts().size());
			for (int i = 0; i < event.alerts().size(); i++) {
				Alert a = event.alerts().get(i);
				long accepted = event.acceptedNanos();
				if (accepted < this.measureFrom) {
					continue;
				}
				this.measuredAlerts.incrementAndGet();
				if (this.seen.add(a.reportId())) {
					this.latency.add(now - accepted);
				}
			}
		}

		synchronized void reset() {
			this.alerts.set(0);
			this.measuredAlerts.set(0);
			this.seen.clear();
		}

		synchronized Samples.Summary summary() {
			return this.latency.summary();
		}

	}

}
