package org.truce.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A closed-loop HTTP load: concurrent client threads sharing one HTTP/1.1 client (a pool
 * of keep-alive connections), each sending its next request as soon as the last one is
 * answered, for a warm-up and then a measured period. Bounded in time: every thread stops
 * by itself. {@link #run(Settings)} drives {@code POST /api/reports} with valid and
 * distinct reports; {@link #drive(Load)} sends any requests (the trivial suite's).
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
			long seed) {

	}

	/**
	 * The requests of a client: its {@code n}-th (from 1).
	 */
	public interface Requests {

		HttpRequest request(int client, long n, Random random);

	}

	/**
	 * What a response acknowledges: how many reports (or reads) it says are done, and its
	 * items by outcome where it answers for several.
	 */
	public interface Acknowledgements {

		/** Whether {@link #count} needs the body; if not, it is discarded unread. */
		boolean readsBody();

		/**
		 * @param body the body, or null unless {@link #readsBody()}
		 */
		Tally count(int status, String body) throws IOException;

		/** One acknowledged for each response with this status, such as 201. */
		static Acknowledgements status(int expected) {
			Tally one = new Tally(1, Map.of());
			Tally none = new Tally(0, Map.of());
			return new Acknowledgements() {

				@Override
				public boolean readsBody() {
					return false;
				}

				@Override
				public Tally count(int status, String body) {
					return status == expected ? one : none;
				}

			};
		}

	}

	/**
	 * @param acknowledged how many reports (or reads) a response acknowledged
	 * @param items its items by outcome, when it answers for several
	 */
	public record Tally(long acknowledged, Map<String, Long> items) {

	}

	/**
	 * Any closed-loop load.
	 *
	 * @param clients concurrent client threads
	 * @param warmup sent but not measured
	 * @param duration measured
	 * @param seed of each client's {@link Random}
	 * @param requests what each client sends
	 * @param acknowledgements what each response acknowledges
	 */
	public record Load(int clients, Duration warmup, Duration duration, long seed, Requests requests,
			Acknowledgements acknowledgements) {

	}

	/**
	 * What the clients saw.
	 *
	 * @param acknowledged what the responses acknowledged (201 for intake, items created
	 * for a batch) over the whole run, warm-up included: for intake, the number of reports
	 * the server should hold
	 * @param measuredCreated what the responses to requests sent in the measured period
	 * acknowledged
	 * @param outcomes the measured period's responses by status, and failures by
	 * exception
	 * @param items the measured period's items by outcome, where a response answers for
	 * several (a batch's created, rejected, replayed)
	 * @param latency of every request sent in the measured period, whatever its outcome
	 * @param seconds the length of the measured period
	 * @param cpuNanos CPU time this JVM (clients and server) used in the measured period
	 */
	public record Result(long acknowledged, long measuredCreated, Map<String, Long> outcomes, Map<String, Long> items,
			Samples.Summary latency, double seconds, long cpuNanos) {

		public double throughput() {
			return this.measuredCreated / this.seconds;
		}

		/**
		 * CPU microseconds this JVM spent per report acknowledged in the measured period.
		 */
		public double cpuMicrosPerReport() {
			return this.cpuNanos / 1e3 / Math.max(1, this.measuredCreated);
		}

		/** Requests sent in the measured period, whatever their outcome. */
		public long measuredRequests() {
			return this.latency.count();
		}

	}

	/** Intake: POST /api/reports of valid and distinct reports, 201 expected. */
	public static Result run(Settings s) throws InterruptedException {
		URI uri = s.base().resolve("/api/reports");
		Requests reports = (client, n, random) -> {
			String key = "bench-" + s.seed() + "-" + client + "-" + n;
			return HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", key)
				.header("Authorization", "Bearer " + s.token())
				.POST(HttpRequest.BodyPublishers.ofString(body(s.sourceId(), key, random)))
				.build();
		};
		return drive(new Load(s.clients(), s.warmup(), s.duration(), s.seed(), reports, Acknowledgements.status(201)));
	}

	public static Result drive(Load s) throws InterruptedException {
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

		private final Load settings;

		private final long measureFrom;

		private final long end;

		private final Random random;

		private final Samples latency = new Samples();

		private final Map<String, Long> outcomes = new TreeMap<>();

		private final Map<String, Long> items = new TreeMap<>();

		private long acknowledged;

		private long measuredCreated;

		Client(int number, HttpClient http, Load settings, long measureFrom, long end) {
			this.number = number;
			this.http = http;
			this.settings = settings;
			this.measureFrom = measureFrom;
			this.end = end;
			this.random = new Random(settings.seed() * 31 + number);
		}

		@Override
		public void run() {
			Acknowledgements acknowledgements = this.settings.acknowledgements();
			HttpResponse.BodyHandler<String> bodies = acknowledgements.readsBody() ? HttpResponse.BodyHandlers.ofString()
					: HttpResponse.BodyHandlers.replacing(null);
			long sent = 0;
			while (System.nanoTime() < this.end) {
				HttpRequest request = this.settings.requests().request(this.number, ++sent, this.random);
				long t0 = System.nanoTime();
				String outcome;
				Tally tally = null;
				try {
					HttpResponse<String> response = this.http.send(request, bodies);
					outcome = Integer.toString(response.statusCode());
					tally = acknowledgements.count(response.statusCode(), response.body());
				}
				catch (IOException ex) {
					outcome = ex.getClass().getSimpleName();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				long t1 = System.nanoTime();
				long done = tally == null ? 0 : tally.acknowledged();
				this.acknowledged += done;
				if (t0 >= this.measureFrom) {
					this.latency.add(t1 - t0);
					this.outcomes.merge(outcome, 1L, Long::sum);
					this.measuredCreated += done;
					if (tally != null) {
						tally.items().forEach((k, v) -> this.items.merge(k, v, Long::sum));
					}
				}
			}
		}

	}

}
