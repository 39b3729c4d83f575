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
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.truce.testing.SyriaBox;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends radius queries to {@code GET /api/reports} from concurrent client threads: each
 * point once per pass, the points shared out among the threads.
 */
public final class HttpRadiusLoad {

	private HttpRadiusLoad() {
	}

	/**
	 * @param items the reports returned over all passes
	 * @param outcomes responses by status, and failures by exception
	 */
	public record Result(Samples.Summary latency, long items, Map<String, Long> outcomes, double seconds) {

	}

	public static Result run(URI base, String token, List<SyriaBox.Point> points, double radiusMetres, int limit,
			int clients, int passes) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		JsonMapper json = JsonMapper.builder().build();
		AtomicInteger next = new AtomicInteger();
		int total = points.size() * passes;
		List<Samples> latencies = new ArrayList<>();
		List<Map<String, Long>> outcomes = new ArrayList<>();
		long[] items = new long[clients];
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			Samples latency = new Samples();
			Map<String, Long> seen = new TreeMap<>();
			latencies.add(latency);
			outcomes.add(seen);
			int client = i;
			Thread thread = new Thread(() -> {
				int n;
				while ((n = next.getAndIncrement()) < total) {
					SyriaBox.Point p = points.get(n % points.size());
					URI uri = base.resolve(String.format(Locale.ROOT, "/api/reports?lat=%s&lon=%s&radius=%s&limit=%d",
							p.latitude(), p.longitude(), radiusMetres, limit));
					long t0 = System.nanoTime();
					try {
						HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
							.timeout(Duration.ofSeconds(60))
							.header("Authorization", "Bearer " + token)
							.build(), HttpResponse.BodyHandlers.ofByteArray());
						latency.add(System.nanoTime() - t0);
						seen.merge(Integer.toString(response.statusCode()), 1L, Long::sum);
						if (response.statusCode() == 200) {
							JsonNode body = json.readTree(response.body());
							items[client] += body.get("items").size();
						}
					}
					catch (IOException ex) {
						seen.merge(ex.getClass().getSimpleName(), 1L, Long::sum);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}, "bench-query-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Samples all = new Samples();
		latencies.forEach(all::addAll);
		Map<String, Long> merged = new TreeMap<>();
		outcomes.forEach(m -> m.forEach((k, v) -> merged.merge(k, v, Long::sum)));
		long found = 0;
		for (long n : items) {
			found += n;
		}
		return new Result(all.summary(), found, merged, seconds);
	}

}
