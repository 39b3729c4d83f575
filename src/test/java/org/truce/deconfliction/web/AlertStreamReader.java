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
 * text/event-stream line by line and queues each event (its name, id and data), and may
 * reconnect with the {@code Last-Event-ID} header of the last event it received.
 */
final class AlertStreamReader implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One event: its name, its id (null when it has none) and its data. */
	record Event(String name, String id, JsonNode data) {

	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private final CompletableFuture<Void> connected = new CompletableFuture<>();

	private final HttpClient client = HttpClient.newHttpClient();

	private volatile String contentType;

	private volatile Stream<String> body;

	AlertStreamReader(URI base, String token) {
		this(base, token, null);
	}

	/**
	 * @param lastEventId sent as {@code Last-Event-ID}, unless null
	 */
	AlertStreamReader(URI base, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/alerts/stream?timeoutSeconds=120"))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		this.response = this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		this.response.thenAccept(r -> {
			this.contentType = r.headers().firstValue("Content-Type").orElse("");
			this.body = r.body();
			String[] event = { null, null, null };
			r.body().forEach(line -> {
				if (line.startsWith(":")) {
					this.connected.complete(null);
				}
				else if (line.startsWith("event:")) {
					event[0] = line.substring(6).strip();
				}
				else if (line.startsWith("id:")) {
					event[1] = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					event[2] = line.substring(5).strip();
				}
				else if (line.isEmpty()) {
					if (event[2] != null) {
						this.events
							.add(new Event(event[0] == null ? "message" : event[0], event[1], JSON.readTree(event[2])));
					}
					event[0] = null;
					event[1] = null;
					event[2] = null;
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

	/**
	 * The next alert event's data, or null after the timeout; other events are skipped.
	 */
	JsonNode next(Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		Event e;
		while ((e = this.events.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
			if ("alert".equals(e.name())) {
				return e.data();
			}
		}
		return null;
	}

	/** The next event of any name, or null after the timeout. */
	Event nextEvent(Duration timeout) throws InterruptedException {
		return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Drops the connection, as a client that goes away does. */
	@Override
	public void close() {
		this.response.cancel(true);
		Stream<String> lines = this.body;
		if (lines != null) {
			lines.close();
		}
	}

}
