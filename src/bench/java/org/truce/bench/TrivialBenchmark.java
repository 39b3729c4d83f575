package org.truce.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.bench.bare.BareSpringBoot;
import org.truce.cli.StoreOptions;

/**
 * Trivial requests against the stack's own ceiling (issue 16, part 2): a bare Spring Boot
 * MVC application ({@link BareSpringBoot}) and Truce on SQLite run side by side in this
 * JVM, and the same closed-loop load ({@link IntakeLoad#drive}) is sent to each in turn:
 * the bare app's GET of a 30-item list and POST echo, then Truce's event types (with a
 * monitor's token and anonymously), a report by id and its health. Only one of them is
 * loaded at a time; the other is idle. Every kind is first sent unmeasured, in turn, to
 * warm the JVM they share. Truce's per-token and anonymous rate limits are set
 * so high that they never refuse, but their buckets are still counted.
 */
final class TrivialBenchmark {

	private final int clients;

	private final Duration warmup;

	private final Duration duration;

	private final int rounds;

	private final long seed;

	TrivialBenchmark(int clients, Duration warmup, Duration duration, int rounds, long seed) {
		this.clients = clients;
		this.warmup = warmup;
		this.duration = duration;
		this.rounds = Math.max(1, rounds);
		this.seed = seed;
	}

	/** One kind of request, sent by every client. */
	record Scenario(String label, boolean bare, Function<Random, HttpRequest> request) {

	}

	/** The measured figures of a scenario, summed over the rounds. */
	static final class Totals {

		long ok;

		long requests;

		double seconds;

		long cpuNanos;

		double rate() {
			return this.ok / this.seconds;
		}

		double cpuMicros() {
			return this.cpuNanos / 1e3 / Math.max(1, this.requests);
		}

	}

	void run(PrintWriter out, Path data, Function<ConfigurableApplicationContext, String> monitorToken)
			throws Exception {
		out.printf("%n== trivial: %d clients, %.0f s warm-up and %.0f s measured per request kind, %d round(s);"
				+ " a bare Spring Boot MVC app and Truce (SQLite) in this JVM, loaded one at a time%n", this.clients,
				this.warmup.toNanos() / 1e9, this.duration.toNanos() / 1e9, this.rounds);
		out.flush();
		// All clients share one token and one address: limits that never refuse here,
		// but whose buckets are still taken from on every request.
		Map<String, Object> limits = Map.of("truce.security.token.requests-per-second", 1_000_000_000,
				"truce.security.anonymous.requests-per-minute", 1_000_000_000, "truce.security.anonymous.burst",
				1_000_000_000);
		ConfigurableApplicationContext bare = BareSpringBoot.start();
		BenchServer server = null;
		try {
			server = BenchServer.start(StoreOptions.of(data, null), limits);
			ConfigurableApplicationContext truce = server.context();
			URI bareBase = URI.create("http://127.0.0.1:" + BareSpringBoot.port(bare));
			URI truceBase = server.base();
			String token = monitorToken.apply(truce);
			String reportId = oneReport(truceBase, token);
			List<Scenario> scenarios = scenarios(bareBase, truceBase, token, reportId);
			out.printf("  Truce holds one report (%s), read by id with the monitor's token%n", reportId);
			if (!checked(out, scenarios)) {
				return;
			}
			// The JVM first: every kind in turn, unmeasured, so that the first kind measured
			// (the bare app's) does not run while the JIT compiles the code all of them share
			// (Tomcat, Spring MVC, Jackson).
			out.printf("  warming up: each kind for %.0f s, unmeasured%n", this.warmup.toNanos() / 1e9);
			out.flush();
			for (Scenario s : scenarios) {
				IntakeLoad.drive(new IntakeLoad.Load(this.clients, Duration.ZERO, this.warmup, this.seed,
						(client, n, random) -> s.request().apply(random), IntakeLoad.Acknowledgements.status(200)));
			}
			Map<String, Totals> totals = new LinkedHashMap<>();
			for (int round = 1; round <= this.rounds; round++) {
				if (this.rounds > 1) {
					out.printf("  round %d%n", round);
				}
				for (Scenario s : scenarios) {
					IntakeLoad.Result r = IntakeLoad.drive(new IntakeLoad.Load(this.clients, this.warmup,
							this.duration, this.seed + round, (client, n, random) -> s.request().apply(random), IntakeLoad.Acknowledgements.status(200)));
					Totals t = totals.computeIfAbsent(s.label(), k -> new Totals());
					t.ok += r.measuredCreated();
					t.requests += r.measuredRequests();
					t.seconds += r.seconds();
					t.cpuNanos += r.cpuNanos();
					out.printf("  %-40s %9.1f req/s  p50 %7.3f ms  p99 %7.3f ms  cpu %6.0f us/req  %s%n", s.label(),
							r.measuredCreated() / r.seconds(), r.latency().p50(), r.latency().p99(),
							r.cpuNanos() / 1e3 / Math.max(1, r.measuredRequests()), r.outcomes());
					out.flush();
				}
			}
			summary(out, scenarios, totals);
		}
		finally {
			if (server != null) {
				server.close();
			}
			bare.close();
		}
		out.flush();
	}

	private static List<Scenario> scenarios(URI bare, URI truce, String token, String reportId) {
		List<Scenario> scenarios = new ArrayList<>();
		scenarios.add(new Scenario("bare GET /items (30-item list)", true, random -> get(bare, "/items", null)));
		scenarios.add(new Scenario("bare POST /echo (small JSON)", true,
				random -> HttpRequest.newBuilder(bare.resolve("/echo"))
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"echo " + random.nextInt(1000)
							+ "\",\"count\":" + random.nextInt(100) + ",\"tags\":[\"a\",\"b\",\"c\"]}"))
					.build()));
		scenarios.add(new Scenario("truce GET /api/event-types (token)", false,
				random -> get(truce, "/api/event-types", token)));
		scenarios.add(new Scenario("truce GET /api/event-types (anonymous)", false,
				random -> get(truce, "/api/event-types", null)));
		scenarios.add(new Scenario("truce GET /api/reports/{id} (token)", false,
				random -> get(truce, "/api/reports/" + reportId, token)));
		scenarios.add(new Scenario("truce GET /actuator/health (anonymous)", false,
				random -> get(truce, "/actuator/health", null)));
		return scenarios;
	}

	private static HttpRequest get(URI base, String path, String token) {
		HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.GET().build();
	}

	/** One request of each kind first: all must answer 200, or nothing is measured. */
	private static boolean checked(PrintWriter out, List<Scenario> scenarios) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		boolean ok = true;
		Random random = new Random(1);
		for (Scenario s : scenarios) {
			HttpResponse<String> r = http.send(s.request().apply(random), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				out.printf("  %s answered %d, not 200: %s%n", s.label(), r.statusCode(), r.body());
				ok = false;
			}
			else {
				out.printf("  %-40s answers 200 with %d bytes of %s%n", s.label(), r.body().length(),
						r.headers().firstValue("Content-Type").orElse("?"));
			}
		}
		out.flush();
		return ok;
	}

	private void summary(PrintWriter out, List<Scenario> scenarios, Map<String, Totals> totals) {
		Totals bareGet = totals.get(scenarios.get(0).label());
		out.printf("  over %s, each against the bare GET of a list (rate: Truce / bare; cpu: Truce / bare):%n",
				this.rounds > 1 ? "all rounds" : "the run");
		List<Double> goals = new ArrayList<>();
		for (Scenario s : scenarios) {
			Totals t = totals.get(s.label());
			out.printf("  %-40s %9.1f req/s  %6.0f us/req  rate %.2fx  cpu %.2fx%n", s.label(), t.rate(), t.cpuMicros(),
					t.rate() / bareGet.rate(), t.cpuMicros() / bareGet.cpuMicros());
			if (!s.bare() && !s.label().contains("health")) {
				goals.add(t.rate() / bareGet.rate());
			}
		}
		double worst = goals.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		out.printf("  goal: Truce's trivial reads (event types, a report by id) at least half the bare app's rate:"
				+ " %s (the lowest is %.2fx)%n", worst >= 0.5 ? "met" : "missed", worst);
		out.println("  cpu is this JVM's CPU (clients, both servers) in the measured period over the requests sent in it");
	}

	private static String oneReport(URI base, String token) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/reports"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers
				.ofString(IntakeLoad.body(BenchCommand.SOURCE, "trivial-bench-1", new Random(7))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("POST /api/reports answered " + r.statusCode() + ": " + r.body());
		}
		String location = r.headers().firstValue("Location").orElseThrow();
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
