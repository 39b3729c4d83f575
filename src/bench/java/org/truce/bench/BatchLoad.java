package org.truce.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives {@code POST /api/reports/batch} from concurrent client threads, each sending
 * NDJSON batches of valid and distinct reports (the same reports as {@link IntakeLoad}
 * sends one at a time), each batch under its own Idempotency-Key, for a warm-up and then
 * a measured period. Counts the items the server answered {@code created}: the reports
 * it should hold. Bounded in time: every thread stops by itself.
 */
final class BatchLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BatchLoad() {
	}

	/**
	 * How to drive the server.
	 *
	 * @param size reports in a batch
	 */
	record Settings(URI base, String token, int clients, int size, Duration warmup, Duration duration,
			String sourceId, long seed) {

	}

	/**
	 * What the clients saw.
	 *
	 * @param acknowledged items answered {@code created} over the whole run, warm-up
	 * included: the number of reports the server should hold
	 * @param measuredCreated items answered {@code created} in batches sent in the
	 * measured period
	 * @param outcomes the measured period's batches by status, and failures by exception
	 * @param items the measured period's items by outcome (created, rejected, replayed)
	 * @param latency of every batch sent in the measured period, whatever its outcome
	 */
	record Result(long acknowledged, long measuredCreated, Map<String, Long> outcomes, Map<String, Long> items,
			Samples.Summary latency, double seconds, long cpuNanos) {

		double throughput() {
			return this.measuredCreated / this.seconds;
		}

		double cpuMicrosPerReport() {
			return this.cpuNanos / 1e3 / Math.max(1, this.measuredCreated);
		}

	}

	static Result run(Settings s) throws InterruptedException {
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
			Thread thread = new Thread(client, "bench-batch-client-" + i);
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
		Map<String, Long> items = new TreeMap<>();
		for (Client c : clients) {
			acknowledged += c.acknowledged;
			measuredCreated += c.measuredCreated;
			latency.addAll(c.latency);
			c.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
			c.items.forEach((k, v) -> items.merge(k, v, Long::sum));
		}
		return new Result(acknowledged, measuredCreated, outcomes, items, latency.summary(),
				s.duration().toNanos() / 1e9, cpu);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left;
		while ((left = nanoTime - System.nanoTime()) > 0) {
			Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
		}
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

		private final Map<String, Long> items = new TreeMap<>();

		private long acknowledged;

		private long measuredCreated;

		Client(int number, HttpClient http, Settings settings, long measureFrom, long end) {
			this.number = number;
			this.http = http;
			this.settings = settings;
			this.measureFrom = measureFrom;
			this.end = end;
			this.random = new Random(settings.seed() * 37 + number);
		}

		@Override
		public void run() {
			URI uri = this.settings.base().resolve("/api/reports/batch");
			long sent = 0;
			while (System.nanoTime() < this.end) {
				String key = "bench-batch-" + this.settings.seed() + "-" + this.number + "-" + (++sent);
				StringBuilder body = new StringBuilder(this.settings.size() * 600);
				for (int i = 0; i < this.settings.size(); i++) {
					body.append(IntakeLoad.body(this.settings.sourceId(), key + "-" + i, this.random)).append('\n');
				}
				HttpRequest request = HttpRequest.newBuilder(uri)
					.timeout(Duration.ofSeconds(120))
					.header("Content-Type", "application/x-ndjson")
					.header("Idempotency-Key", key)
					.header("Authorization", "Bearer " + this.settings.token())
					.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
					.build();
				long t0 = System.nanoTime();
				String outcome;
				long created = 0;
				Map<String, Long> counts = Map.of();
				try {
					HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
					outcome = Integer.toString(response.statusCode());
					if (response.statusCode() == 200) {
						JsonNode answer = JSON.readTree(response.body());
						created = answer.get("created").asLong();
						counts = Map.of("created", created, "rejected", answer.get("rejected").asLong(), "replayed",
								answer.get("replayed").asLong());
					}
				}
				catch (IOException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long t1 = System.nanoTime();
				this.acknowledged += created;
				if (t0 >= this.measureFrom) {
					this.latency.add(t1 - t0);
					this.outcomes.merge(outcome, 1L, Long::sum);
					counts.forEach((k, v) -> this.items.merge(k, v, Long::sum));
					this.measuredCreated += created;
				}
			}
		}

	}

}
