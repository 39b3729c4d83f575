package org.truce.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.truce.report.model.EventType;
import org.truce.testing.SyriaBox;

/**
 * Drives {@code POST /api/reports} from concurrent client threads, each with a keep-alive
 * connection of its own ({@link LeanHttp}; or, with {@code lean} false, all sharing one
 * {@code java.net.http.HttpClient}), with valid and distinct reports, for a warm-up and
 * then a measured period. Bounded in time: every thread stops by itself.
 */
public final class IntakeLoad {

	private IntakeLoad() {
	}

	/**
	 * How to drive the server.
	 *
	 * @param base the server, such as {@code http://127.0.0.1:8080}
	 * @param clients concurrent client threads
	 * @param warmup sent but not measured
	 * @param duration measured
	 * @param sourceId a source the server knows
	 * @param seed for the reports' points
	 */
	public record Settings(URI base, String token, int clients, Duration warmup, Duration duration, String sourceId,
			long seed, boolean lean) {

		public Settings(URI base, String token, int clients, Duration warmup, Duration duration, String sourceId,
				long seed) {
			this(base, token, clients, warmup, duration, sourceId, seed, true);
		}

	}

	/**
	 * What the clients saw.
	 *
	 * @param acknowledged 201 responses over the whole run, warm-up included: the number
	 * of reports the server should hold
	 * @param measuredCreated 201 responses to requests sent in the measured period
	 * @param outcomes the measured period's responses by status, and failures by
	 * exception
	 * @param latency of every request sent in the measured period, whatever its outcome
	 * @param seconds the length of the measured period
	 * @param cpuNanos CPU time this JVM (clients and server) used in the measured period
	 */
	public record Result(long acknowledged, long measuredCreated, Map<String, Long> outcomes, Samples.Summary latency,
			double seconds, long cpuNanos) {

		public double throughput() {
			return this.measuredCreated / this.seconds;
		}

		/**
		 * CPU microseconds this JVM spent per report acknowledged in the measured period.
		 */
		public double cpuMicrosPerReport() {
			return this.cpuNanos / 1e3 / Math.max(1, this.measuredCreated);
		}

	}

	public static Result run(Settings s) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		long start = System.nanoTime();
		long measureFrom = start + s.warmup().toNanos();
		long end = measureFrom + s.duration().toNanos();
		List<Client> clients = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < s.clients(); i++) {
			Client client = new Client(i, http, s, measureFrom, end);
			clients.add(client);
			Thread thread = new Thread(client, "bench-client-" + i);
			threads.add(thread);
			thread.start();
		}
		sleepUntil(measureFrom);
		long cpuFrom = ProcessCpu.nanos();
		sleepUntil(end);
		long cpu = ProcessCpu.nanos() - cpuFrom;
		for (Thread thread : threads) {
			thread.join();
		}
		long acknowledged = 0;
		long measuredCreated = 0;
		Samples latency = new Samples();
		Map<String, Long> outcomes = new TreeMap<>();
		for (Client c : clients) {
			acknowledged += c.acknowledged;
			measuredCreated += c.measuredCreated;
			latency.addAll(c.latency);
			c.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
		}
		return new Result(acknowledged, measuredCreated, outcomes, latency.summary(), s.duration().toNanos() / 1e9,
				cpu);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left;
		while ((left = nanoTime - System.nanoTime()) > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
	}

	/** A JSON body for a valid report; distinct by its external id and point. */
	static String body(String sourceId, String externalId, Random random) {
		SyriaBox.Point p = SyriaBox.point(random);
		EventType type = EventType.values()[random.nextInt(EventType.values().length)];
		int hour = random.nextInt(24);
		int day = 1 + random.nextInt(28);
		return String
			.format(Locale.ROOT, "{\"eventType\":\"%s\",\"when\":{\"start\":\"2016-09-%02dT%02d:15:00+03:00\"},"
					+ "\"where\":{\"latitude\":%.6f,\"longitude\":%.6f,\"precision\":\"exact\",\"placeName\":\"Bench %s\"},"
					+ "\"actor\":\"Syrian Arab Air Force\",\"casualties\":{\"total\":{\"low\":1,\"best\":%d,\"high\":9}},"
					+ "\"narrative\":\"Benchmark report %s: shelling reported near the road.\","
					+ "\"source\":\"%s\",\"externalId\":\"%s\"}", type.code(), day, hour, p.latitude(), p.longitude(),
					externalId, 1 + random.nextInt(8), externalId, sourceId, externalId);
	}

	private static final class Client implements Runnable {

		private final int number;

		private final HttpClient http;

		private final Settings settings;

		private final long measureFrom;

		private final long end;

		private final Random random;

		private final Samples latency = new Samples();

		private final Map<String, Long> outcomes = new TreeMap<>();

		private long acknowledged;

		private long measuredCreated;

		Client(int number, HttpClient http, Settings settings, long measureFrom, long end) {
			this.number = number;
			this.http = http;
			this.settings = settings;
			this.measureFrom = measureFrom;
			this.end = end;
			this.random = new Random(settings.seed() * 31 + number);
		}

		@Override
		public void run() {
			if (this.settings.lean()) {
				try (LeanHttp lean = new LeanHttp(this.settings.base(), 60_000)) {
					runLean(lean);
				}
				return;
			}
			URI uri = this.settings.base().resolve("/api/reports");
			long sent = 0;
			while (System.nanoTime() < this.end) {
				String key = "bench-" + this.settings.seed() + "-" + this.number + "-" + (++sent);
				HttpRequest request = HttpRequest.newBuilder(uri)
					.timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.header("Authorization", "Bearer " + this.settings.token())
					.POST(HttpRequest.BodyPublishers.ofString(body(this.settings.sourceId(), key, this.random)))
					.build();
				long t0 = System.nanoTime();
				String outcome;
				try {
					HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
					outcome = Integer.toString(response.statusCode());
				}
				catch (IOException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				count(t0, System.nanoTime(), outcome);
			}
		}

		private void runLean(LeanHttp lean) {
			String auth = "Bearer " + this.settings.token();
			long sent = 0;
			while (System.nanoTime() < this.end) {
				String key = "bench-" + this.settings.seed() + "-" + this.number + "-" + (++sent);
				byte[] body = body(this.settings.sourceId(), key, this.random).getBytes(StandardCharsets.UTF_8);
				long t0 = System.nanoTime();
				String outcome;
				try {
					outcome = Integer.toString(lean.post("/api/reports", body, "Content-Type", "application/json",
							"Idempotency-Key", key, "Authorization", auth));
				}
				catch (IOException | RuntimeException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				count(t0, System.nanoTime(), outcome);
			}
		}

		private void count(long t0, long t1, String outcome) {
			boolean created = outcome.equals("201");
			if (created) {
				this.acknowledged++;
			}
			if (t0 >= this.measureFrom) {
				this.latency.add(t1 - t0);
				this.outcomes.merge(outcome, 1L, Long::sum);
				if (created) {
					this.measuredCreated++;
				}
			}
		}

	}

}
