package org.truce.web;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.ledger.application.Checkpointing;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.IncidentFixture;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One record for the non-interference test, built the same way every time except for one
 * secret: around Aleppo during the October 2016 pause, a clinic notified to the
 * government, a position the government declares, four reports (one from a field monitor
 * at risk near the clinic, one unpublished about fighting between the Islamic State and
 * the opposition far from everything), a government claim about the strike, an access
 * request and a request for information. Every reader has a deterministic user name;
 * every id the scenario makes is kept under a name ({@code report:at-risk}), so that two
 * runs can be compared id for id.
 */
final class LeakScenario implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What one run changes. */
	enum Secret {

		/**
		 * The at-risk report's exact place, moved within its 0.1° cell (both places
		 * within the alert distance of the clinic).
		 */
		AT_RISK_PLACE(Reader.MONITOR, Reader.CO_CHAIR),
		/**
		 * Whether the unpublished report between the Islamic State and the opposition
		 * exists at all.
		 */
		UNPUBLISHED_REPORT(Reader.MONITOR, Reader.CO_CHAIR, Reader.LIAISON_FSA),
		/** The government's declared position, another area holding the same report. */
		POSITION_AREA(Reader.CO_CHAIR, Reader.LIAISON_GOV),
		/**
		 * The clinic's exact place, moved by a few hundred metres. The webhook's
		 * subscriber (and so the admin who reads its deliveries) gets alerts about sites,
		 * as notifiers do.
		 */
		SITE_PLACE(Reader.MONITOR, Reader.CO_CHAIR, Reader.LIAISON_GOV, Reader.NOTIFIER, Reader.WEBHOOK, Reader.ADMIN),
		/**
		 * The words of the government's claim, which it has not shared, and whether it
		 * made an earlier one that this one supersedes: the incident changes twice where
		 * the others may not see.
		 */
		UNSHARED_CLAIM(Reader.MONITOR, Reader.CO_CHAIR, Reader.LIAISON_GOV);

		private final List<Reader> entitled;

		Secret(Reader... entitled) {
			this.entitled = List.of(entitled);
		}

		boolean entitles(Reader reader) {
			return this.entitled.contains(reader);
		}

	}

	/**
	 * Who reads: over HTTP with their own token (the public with none), or, for
	 * {@link #WEBHOOK}, the subscriber that receives the webhooks' bodies.
	 */
	enum Reader {

		PUBLIC(null), ADMIN("admin"), MONITOR("monitor"), CO_CHAIR("co-chair:russia"),
		LIAISON_GOV("liaison:syria-government"), LIAISON_FSA("liaison:free-syrian-army"), NOTIFIER("notifier"),
		WEBHOOK(null);

		final String grant;

		Reader(String grant) {
			this.grant = grant;
		}

		String username() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	static final String AGREEMENT = "aleppo-pause-2016-10";

	/** A name for an id that does not exist in a run (the same in every run). */
	private static final String ABSENT = "00000000-0000-7000-8000-0000000000";

	private final RunningTruce truce;

	private final HttpServer receiver;

	private final List<String> webhookBodies = Collections.synchronizedList(new ArrayList<>());

	private final Map<Reader, String> tokens = new EnumMap<>(Reader.class);

	/** Each id the scenario made, under its name, in the order made. */
	private final Map<String, String> ids = new LinkedHashMap<>();

	private final Map<Reader, CompletableFuture<HttpResponse<Stream<String>>>> streams = new EnumMap<>(Reader.class);

	private final Map<Reader, List<String>> streamed = new EnumMap<>(Reader.class);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private LeakScenario(RunningTruce truce, HttpServer receiver) {
		this.truce = truce;
		this.receiver = receiver;
	}

	/**
	 * The scenario with {@code changed} changed (none: the baseline), on the store that
	 * {@code store} starts with the application properties it is given.
	 */
	static LeakScenario build(Secret changed, Function<Map<String, Object>, RunningTruce> store) throws Exception {
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// Judged on this thread only (record), as clustered, so that the two runs judge
		// at the same points and compare alike whatever the background threads' timing.
		RunningTruce truce = store.apply(Map.of("truce.webhooks.poll-ms", 100, "truce.webhooks.allowed-targets",
				"127.0.0.1/32", "truce.ledger.checkpoint-seconds", 3600, "truce.adjudication.background", false));
		LeakScenario scenario = new LeakScenario(truce, receiver);
		try {
			scenario.receive();
			scenario.record(changed);
			return scenario;
		}
		catch (Exception | AssertionError ex) {
			scenario.close();
			throw ex;
		}
	}

	private void receive() {
		this.receiver.createContext("/hook", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				this.webhookBodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	private void record(Secret changed) throws Exception {
		this.truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("syrian-air-force", "Syrian Air Force", ActorType.STATE_FORCE, "syria-government",
							List.of()),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of()),
					new Actor("isis", "Islamic State", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null, List.of()),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of("US"))));
		this.truce.bean(Sources.class)
			.save(new Source("team", "Joint monitoring team", SourceKind.MONITOR, Reliability.B));
		this.truce.bean(Sources.class)
			.save(new Source("bashir", "Field monitor Bashir", SourceKind.MONITOR, Reliability.B, true,
					"+963 555 0101"));
		AgreementFixture.load(this.truce, AGREEMENT);
		ManagingUsers users = this.truce.bean(ManagingUsers.class);
		for (Reader reader : Reader.values()) {
			if (reader.grant != null) {
				ManagingUsers.Added added = users.add(reader.username(), null,
						List.of(Grant.parse(reader.grant).orElseThrow()), ManagingUsers.COMMAND_LINE);
				this.ids.put("user:" + reader.username(), added.user().id().toString());
				ManagingUsers.IssuedToken token = users.issueToken(reader.username(), "leaks", null,
						ManagingUsers.COMMAND_LINE);
				this.ids.put("token:" + reader.username(), token.token().id().toString());
				this.tokens.put(reader, token.secret());
			}
		}
		this.ids.put("webhook", created(post(Reader.ADMIN, "/api/webhooks", "{\"url\": \"http://127.0.0.1:"
				+ this.receiver.getAddress().getPort() + "/hook\", \"secret\": \"leak-test-secret\"}")));
		for (Reader reader : List.of(Reader.MONITOR, Reader.CO_CHAIR, Reader.LIAISON_GOV, Reader.LIAISON_FSA,
				Reader.NOTIFIER)) {
			openStream(reader);
		}
		awaitStreamsOpen();

		double[] clinic = changed == Secret.SITE_PLACE ? new double[] { 36.2150, 37.1650 }
				: new double[] { 36.2180, 37.1620 };
		this.ids.put("notification:clinic",
				created(post(Reader.NOTIFIER, "/api/notifications",
						"{\"kind\": \"SITE\", \"name\": \"Al-Quds clinic\", \"siteKind\": \"CLINIC\", \"geometry\":"
								+ " {\"type\": \"Point\", \"coordinates\": [" + clinic[1] + ", " + clinic[0] + "]},"
								+ " \"parties\": [\"syria-government\"]}")));
		String area = changed == Secret.POSITION_AREA
				? "[[[37.29, 36.09], [37.33, 36.09], [37.33, 36.12], [37.29, 36.12], [37.29, 36.09]]]"
				: "[[[37.28, 36.08], [37.32, 36.08], [37.32, 36.13], [37.28, 36.13], [37.28, 36.08]]]";
		this.ids.put("position:government", created(post(Reader.LIAISON_GOV, "/api/positions",
				"{\"label\": \"4th Division\", \"area\": {\"type\": \"Polygon\", \"coordinates\": " + area
						+ "}, \"from\": \"2016-10-20T00:00:00+03:00\", \"to\": \"2016-10-25T00:00:00+03:00\"}")));

		this.ids.put("report:published",
				created(post(Reader.MONITOR, "/api/reports",
						report("shelling_artillery_missile_attack", "2016-10-21T09:00:00+03:00", 36.1995, 37.1630,
								"Government of Syria", "Free Syrian Army", "Shells struck the old city.", "team",
								"TEAM-1"))));
		double[] atRisk = changed == Secret.AT_RISK_PLACE ? new double[] { 36.2205, 37.1650 }
				: new double[] { 36.2161, 37.1580 };
		this.ids.put("report:at-risk",
				created(post(Reader.MONITOR, "/api/reports",
						report("air_drone_strike", "2016-10-21T11:00:00+03:00", atRisk[0], atRisk[1],
								"Syrian Air Force", "Free Syrian Army", "An air strike near the clinic.", "bashir",
								"BASHIR-1"))));
		if (changed != Secret.UNPUBLISHED_REPORT) {
			this.ids.put("report:unpublished",
					created(post(Reader.MONITOR, "/api/reports",
							report("attack", "2016-10-21T13:00:00+03:00", 35.93187, 36.63412, "Islamic State",
									"Free Syrian Army", "A car bomb in Saraqib market.", "team", "TEAM-2"))));
		}
		else {
			this.ids.put("report:unpublished", ABSENT + "01");
		}
		this.ids.put("report:in-position",
				created(post(Reader.MONITOR, "/api/reports",
						report("armed_clash", "2016-10-21T15:00:00+03:00", 36.1050, 37.3050, "Free Syrian Army",
								"Government of Syria", "Clashes on the southern front.", "team", "TEAM-3"))));

		awaitIncidents();
		this.truce.bean(AdjudicatingIncidents.class).all();
		for (String report : List.of("published", "at-risk", "unpublished", "in-position")) {
			String id = this.ids.get("report:" + report);
			this.ids.put("incident:" + report, id.startsWith(ABSENT) ? id
					: IncidentFixture.incidentOf(this.truce, UUID.fromString(id)).id().toString());
		}
		this.truce.bean(PublishingReports.class)
			.publish(List.of(UUID.fromString(this.ids.get("report:published")),
					UUID.fromString(this.ids.get("report:at-risk")),
					UUID.fromString(this.ids.get("report:in-position"))), "co-chairs");

		if (changed == Secret.UNSHARED_CLAIM) {
			assertThat(post(Reader.LIAISON_GOV, "/api/incidents/" + this.ids.get("incident:at-risk") + "/claims",
					"{\"position\": \"DENIES\", \"actor\": \"syria-government\", \"statement\": \"We deny it.\"}")
				.statusCode()).isEqualTo(201);
		}
		String statement = changed == Secret.UNSHARED_CLAIM ? "The strike was flown by another air force."
				: "Our aircraft did not fly over Aleppo that day.";
		this.ids.put("claim", created(post(Reader.LIAISON_GOV,
				"/api/incidents/" + this.ids.get("incident:at-risk") + "/claims",
				"{\"position\": \"DENIES\", \"actor\": \"syria-government\", \"statement\": \"" + statement + "\"}")));
		this.ids.put("rfi",
				created(post(Reader.MONITOR, "/api/incidents/" + this.ids.get("incident:published") + "/rfis",
						"{\"party\": \"syria-government\", \"question\": \"Which unit fired?\","
								+ " \"deadline\": \"2100-01-01T00:00:00Z\"}")));
		RequestingAccess access = this.truce.bean(RequestingAccess.class);
		this.ids.put("access", access
			.request(
					new RequestingAccess.NewAccessRequest(
							JSON.readTree(
									"{\"type\": \"LineString\", \"coordinates\": [[37.13, 36.24], [37.17, 36.25]]}"),
							new RequestingAccess.Destination("Eastern Aleppo", 36.21, 37.18),
							List.of(new RequestingAccess.Cargo("flour", 1.0, "t")), 10L, List.of("syria-government"),
							"2016-10-21T06:00:00+03:00", "2016-10-22T06:00:00+03:00"),
					access.reader(this.ids.get("user:notifier"), List.of(new Grant(Role.NOTIFIER, null))))
			.id()
			.toString());
		this.truce.bean(AdjudicatingIncidents.class).all();
		this.truce.bean(Checkpointing.class).checkpoint();
		settle();
	}

	/**
	 * Clusters and judges on this thread, not in the background, so that two runs are
	 * compared only once each has settled.
	 */
	private void awaitIncidents() {
		this.truce.bean(ClusteringNewReports.class).catchUp();
	}

	private static String report(String type, String at, double lat, double lon, String actor, String target,
			String narrative, String source, String externalId) {
		return "{\"eventType\": \"" + type + "\", \"when\": {\"start\": \"" + at + "\", \"precision\": \"EXACT\"},"
				+ " \"where\": {\"latitude\": " + lat + ", \"longitude\": " + lon + ", \"precision\": \"EXACT\"},"
				+ " \"actor\": \"" + actor + "\", \"target\": \"" + target + "\", \"narrative\": \"" + narrative
				+ "\", \"source\": \"" + source + "\", \"externalId\": \"" + externalId + "\"}";
	}

	/**
	 * Waits until every webhook delivery has been answered and the streams have had time
	 * to send what was raised.
	 */
	private void settle() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Integer pending = this.truce.jdbc()
				.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING'")
				.query(Integer.class)
				.single();
			if (pending == 0) {
				break;
			}
			Thread.sleep(100);
		}
		Thread.sleep(500);
	}

	private void openStream(Reader reader) {
		List<String> lines = Collections.synchronizedList(new ArrayList<>());
		this.streamed.put(reader, lines);
		HttpRequest request = HttpRequest.newBuilder(uri("/api/alerts/stream?timeoutSeconds=300"))
			.header("Authorization", "Bearer " + this.tokens.get(reader))
			.header("Accept", "text/event-stream")
			.build();
		this.streams.put(reader,
				this.client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApply(response -> {
					response.body().forEach(lines::add);
					return response;
				}));
	}

	private void awaitStreamsOpen() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		for (List<String> lines : this.streamed.values()) {
			while (System.nanoTime() < deadline) {
				synchronized (lines) {
					if (lines.stream().anyMatch(line -> line.startsWith(":"))) {
						break;
					}
				}
				Thread.sleep(20);
			}
		}
	}

	/** The lines each alert stream has sent so far, comments left out. */
	List<String> streamed(Reader reader) {
		List<String> lines = this.streamed.get(reader);
		if (lines == null) {
			return List.of();
		}
		synchronized (lines) {
			return lines.stream().filter(line -> !line.startsWith(":")).toList();
		}
	}

	/** The bodies the webhook subscriber received, in the order received. */
	List<String> webhookBodies() {
		synchronized (this.webhookBodies) {
			return List.copyOf(this.webhookBodies);
		}
	}

	/** The token of a reader (null for the public and the webhook). */
	String token(Reader reader) {
		return this.tokens.get(reader);
	}

	/** Each id the scenario made, under its name. */
	Map<String, String> ids() {
		return Collections.unmodifiableMap(this.ids);
	}

	RunningTruce truce() {
		return this.truce;
	}

	URI uri(String pathAndQuery) {
		return this.truce.baseUri().resolve(pathAndQuery);
	}

	private HttpResponse<String> post(Reader reader, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + this.tokens.get(reader))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(response.body());
		JsonNode id = body.has("id") ? body.get("id") : body.path("report").path("id");
		assertThat(id.isMissingNode()).as("an id in %s", response.body()).isFalse();
		return id.asString();
	}

	@Override
	public void close() throws Exception {
		for (CompletableFuture<HttpResponse<Stream<String>>> stream : this.streams.values()) {
			stream.cancel(true);
		}
		this.receiver.stop(0);
		this.truce.close();
	}

}
