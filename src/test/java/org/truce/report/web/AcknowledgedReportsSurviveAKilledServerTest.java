package org.truce.report.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.ServerProcess;
import org.truce.testing.ProcessTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report is acknowledged only once it is durable: the real {@code truce serve}, in a
 * separate JVM, is killed with SIGKILL while reports are being posted, and a second
 * server on the same data directory still has every report that got a 201. Requests cut
 * off by the kill are retried with their Idempotency-Key and are then stored exactly
 * once.
 */
@ProcessTest
class AcknowledgedReportsSurviveAKilledServerTest {

	private static final int THREADS = 8;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

	@TempDir
	Path dir;

	/** A monitor's API token, added to the store before the server starts. */
	private String token;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void everyAcknowledgedReportIsThereAfterTheServerIsKilledMidWrite() throws Exception {
		try (RunningTruce store = RunningTruce.sqliteIn(this.dir, false)) {
			store.bean(Sources.class).save(ReportFixture.ucdp());
			this.token = store.token("monitor");
		}
		Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
		Map<Integer, String> cutOff = new ConcurrentHashMap<>();
		AtomicInteger inFlightAtKill = new AtomicInteger();

		ServerProcess server = serve("first");
		int port = server.port();
		ExecutorService clients = Executors.newFixedThreadPool(THREADS);
		try {
			AtomicInteger next = new AtomicInteger();
			AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
			List<Future<Void>> posting = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				posting.add(clients.submit(() -> {
					while (true) {
						int n = next.getAndIncrement();
						long startedAt = System.nanoTime();
						if (killedAt.get() != Long.MAX_VALUE) {
							return null;
						}
						try {
							HttpResponse<String> response = this.client.send(request(port, n),
									HttpResponse.BodyHandlers.ofString());
							assertThat(response.statusCode()).as("report %d: %s", n, response.body()).isEqualTo(201);
							acknowledged.put(n, id(response.body()));
						}
						catch (IOException ex) {
							cutOff.put(n, ex.toString());
							if (startedAt < killedAt.get() && !(ex instanceof ConnectException)) {
								inFlightAtKill.incrementAndGet();
							}
						}
					}
				}));
			}
			Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
			while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
				for (Future<Void> f : posting) {
					if (f.isDone()) {
						f.get(); // a client failed before the kill: report why
					}
				}
				Thread.sleep(5);
			}
			killedAt.set(System.nanoTime());
			assertThat(server.kill()).isTrue();
			clients.shutdown();
			assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
			for (Future<Void> f : posting) {
				f.get();
			}
		}
		finally {
			clients.shutdownNow();
			server.kill();
		}
		assertThat(acknowledged)
			.as("cut off: %s; server: %s", cutOff.values().stream().distinct().toList(), serverLog())
			.hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
		assertThat(inFlightAtKill.get()).as("requests cut off by the kill: %s", cutOff).isPositive();
		System.out.printf("kill test: %d acknowledged, %d cut off (%d of them in flight at the kill)%n",
				acknowledged.size(), cutOff.size(), inFlightAtKill.get());

		ServerProcess second = serve("second");
		int port2 = second.port();
		try {
			Http http = new Http(URI.create("http://127.0.0.1:" + port2)).withToken(this.token);
			for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
				Http.Response read = http.get("/api/reports/" + ack.getValue());
				assertThat(read.status()).as("acknowledged report %d (%s)", ack.getKey(), ack.getValue())
					.isEqualTo(200);
				assertThat(read.json().get("narrative").asString()).isEqualTo(narrative(ack.getKey()));
			}
			for (int n : cutOff.keySet()) {
				HttpResponse<String> retry = this.client.send(request(port2, n), HttpResponse.BodyHandlers.ofString());
				assertThat(retry.statusCode()).as("retry of report %d: %s", n, retry.body()).isIn(200, 201);
			}
		}
		finally {
			second.close();
		}

		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + this.dir.resolve("truce.db"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT count(*), count(DISTINCT idempotency_key) FROM reports")) {
			rs.next();
			int sent = acknowledged.size() + cutOff.size();
			assertThat(rs.getInt(1)).as("rows: every report sent, once").isEqualTo(sent);
			assertThat(rs.getInt(2)).isEqualTo(sent);
		}
	}

	private HttpRequest request(int port, int n) {
		String body = ReportDrafts
			.with(ReportDrafts.minimal("armed_clash", "2016-09-19", 36.2, 37.1), "narrative",
					"\"" + narrative(n) + "\"")
			.toString();
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/reports"))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "kill-test-" + n)
			.header("Authorization", "Bearer " + this.token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String narrative(int n) {
		return "report " + n + " of the kill test";
	}

	private static String id(String body) {
		return ReportDrafts.JSON.readTree(body).get("id").asString();
	}

	/** {@code truce serve} in its own JVM, on this test's classpath. */
	private ServerProcess serve(String name) throws IOException, InterruptedException {
		return ServerProcess.start(List.of("--data", this.dir.toString()), List.of("-Xmx512m"),
				this.dir.resolve(name + "-server.log"), Duration.ofMinutes(2));
	}

	private String serverLog() {
		try (var files = Files.list(this.dir)) {
			StringBuilder out = new StringBuilder();
			for (Path p : files.filter(f -> f.toString().endsWith(".log")).toList()) {
				out.append(p.getFileName()).append(":\n").append(Files.readString(p));
			}
			return out.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
