package org.truce.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives {@code POST /api/reports/batch} from concurrent client threads, each sending
 * NDJSON batches of valid and distinct reports (the same reports as {@link IntakeLoad}
 * sends one at a time), each batch under its own Idempotency-Key, for a warm-up and then
 * a measured period. Counts the items the server answered {@code created}: the reports
 * it should hold. The load is {@link IntakeLoad#drive}'s.
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
	 * Drives the server; the result's {@code acknowledged} counts items answered
	 * {@code created}, and its latency is per batch.
	 */
	static IntakeLoad.Result run(Settings s) throws InterruptedException {
		URI uri = s.base().resolve("/api/reports/batch");
		IntakeLoad.Requests batches = (client, n, random) -> {
			String key = "bench-batch-" + s.seed() + "-" + client + "-" + n;
			StringBuilder body = new StringBuilder(s.size() * 600);
			for (int i = 0; i < s.size(); i++) {
				body.append(IntakeLoad.body(s.sourceId(), key + "-" + i, random)).append('\n');
			}
			return HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(120))
				.header("Content-Type", "application/x-ndjson")
				.header("Idempotency-Key", key)
				.header("Authorization", "Bearer " + s.token())
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build();
		};
		IntakeLoad.Acknowledgements items = new IntakeLoad.Acknowledgements() {

			@Override
			public boolean readsBody() {
				return true;
			}

			@Override
			public IntakeLoad.Tally count(int status, String body) {
				if (status != 200) {
					return new IntakeLoad.Tally(0, Map.of());
				}
				JsonNode answer = JSON.readTree(body);
				long created = answer.get("created").asLong();
				return new IntakeLoad.Tally(created, Map.of("created", created, "rejected",
						answer.get("rejected").asLong(), "replayed", answer.get("replayed").asLong()));
			}

		};
		// Another seed than the single POSTs', for other points.
		return IntakeLoad.drive(new IntakeLoad.Load(s.clients(), s.warmup(), s.duration(), s.seed() * 37, batches,
				items));
	}

}
