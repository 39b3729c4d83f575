package org.truce.deconfliction.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of GET /api/alerts/stream, as a browser's EventSource would be: it reads the
 * text/event-stream line by line and queues the data of each {@code alert} event.
 */
final class AlertStreamReader implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> alerts = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final CompletableFuture<Void> connected = new CompletableFuture<>();

	private volatile String contentType;

	AlertStreamReader(URI base, String token) {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/alerts/stream?timeoutSeconds=120"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream")
			.build();
		this.response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept(r -> {
			this.contentType = r.headers().firstValue("Content-Type").orElse("");
			String[] event = { null };
			r.body().forEach(line -> {
				if (line.startsWith(":")) {
					this.connected.complete(null);
				}
				else if (line.startsWith("event:")) {
					event[0] = line.substring(6).strip();
				}
				else if (line.startsWith("data:") && "alert".equals(event[0])) {
					this.alerts.add(JSON.readTree(line.substring(5).strip()));
				}
				else if (line.isEmpty()) {
					event[0] = null;
				}
			});
		});
	}

	/** Waits until the server has opened the stream (its first comment). */
	AlertStreamReader awaitConnected() throws Exception {
		this.connected.get(30, TimeUnit.SECONDS);
		return this;
	}

	String contentType() {
		return this.contentType;
	}

	/** The next alert event's data, or null after the timeout. */
	JsonNode next(Duration timeout) throws InterruptedException {
		return this.alerts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.response.cancel(true);
	}

}
