package org.truce.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.truce.testing.CliExport;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.web.LeakScenario.Reader;
import org.truce.web.LeakScenario.Secret;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-interference, the general guard against leaks: for each secret, the same scenario
 * runs twice with only that secret changed, and everything a reader not entitled to it
 * can obtain must be the same in both runs, once ids and clock times are named alike.
 * What a reader can obtain: every GET operation of {@code /v3/api-docs} (each path
 * variable filled with every id the scenario made of its kind, and with an id that names
 * nothing; each query parameter the operation declares, one at a time), every page the
 * application serves, the alert stream it had open while the record was made, the bodies
 * the webhook subscriber received, the command line's exports for that reader
 * ({@code truce export reports|findings --public}, or {@code --as USER}), and the
 * answers' errors and headers ({@code ETag}, {@code Last-Modified},
 * {@code Truce-Truncated}, {@code Link}, {@code Content-Length}, ...: every one but those
 * that differ between any two answers, such as {@code Date}). An operation or a page
 * added later is probed without a change here; one with a required parameter this test
 * has no value for fails it, until the value is added to {@link #VALUES}.
 * {@code -Dtruce.leaks.secret=NAME} runs one secret alone.
 */
@SlowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingHiddenLeaksTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Values for query parameters, by name. {@code {ledger:size}} is the run's log size.
	 * Spatial filters are probed with a box of a few metres around the at-risk report's
	 * first place, which holds its second place only if the filter matches by grid cell.
	 */
	private static final Map<String, List<String>> VALUES = Map.ofEntries(
			Map.entry("agreement", List.of(LeakScenario.AGREEMENT)), Map.entry("at", List.of("2016-10-21T12:00:00Z")),
			Map.entry("before", List.of("2016-10-21T12:00:00Z")),
			Map.entry("party", List.of("syria-government", "free-syrian-army")),
			Map.entry("actor", List.of("syria-government", "free-syrian-army", "isis")),
			Map.entry("name", List.of("Free+Syrian+Army")), Map.entry("q", List.of("Aleppo")),
			Map.entry("bbox", List.of("37.1579,36.2160,37.1581,36.2162", "36.5,35.8,36.8,36.0")),
			Map.entry("start", List.of("0")), Map.entry("end", List.of("{ledger:size}")),
			Map.entry("index", List.of("0", "{ledger:last}")), Map.entry("size", List.of("{ledger:size}")),
			Map.entry("from", List.of("2016-10-20T00:00:00Z")), Map.entry("to", List.of("2016-10-23T00:00:00Z")),
			Map.entry("timeoutSeconds", List.of("1")), Map.entry("limit", List.of("2")),
			Map.entry("format", List.of("csv", "geojson", "json")), Map.entry("status", List.of("open")),
			Map.entry("type", List.of("attack", "air_drone_strike")), Map.entry("types", List.of("attack")),
			Map.entry("since", List.of("2016-10-21T00:00:00Z")), Map.entry("until", List.of("2016-10-22T00:00:00Z")));

	/** The ledger's consistency proof takes {@code from} and {@code to} as sizes. */
	private static final Map<String, Map<String, List<String>>> VALUES_FOR_PATH = Map.of("/ledger/proof/consistency",
			Map.of("from", List.of("1"), "to", List.of("{ledger:size}")));

	/** The ids of a path variable after this segment. */
	private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("reports", "report:"),
			Map.entry("incidents", "incident:"), Map.entry("notifications", "notification:"),
			Map.entry("positions", "position:"), Map.entry("access-requests", "access"), Map.entry("rfis", "rfi"),
			Map.entry("webhooks", "webhook"), Map.entry("tokens", "token:"), Map.entry("users", "user:"),
			Map.entry("determinations", "determination"), Map.entry("besieged-areas", "besieged"),
			Map.entry("deliveries", "delivery"), Map.entry("candidate-links", "link"));

	/** Path variables that are not ids of the record. */
	private static final Map<String, List<String>> FIXED = Map.of("agreements", List.of(LeakScenario.AGREEMENT),
			"boundaries", List.of("SY02"), "layers", List.of("syria-admin1"), "evidence", List.of("0".repeat(64)),
			"imports", List.of("acled"));

	/** An id that names nothing, in any run. */
	private static final String NOTHING = "00000000-0000-7000-8000-00000000abcd";

	/**
	 * Leaks this test found that a change not yet made will fix, as {@code READER probe}.
	 * The test fails when one of them is fixed, so that it is taken off this list.
	 */
	private static final Map<Secret, Set<String>> KNOWN_LEAKS = Map.of();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private LeakScenario baseline;

	private List<Probe> probes;

	private final Set<String> pageKeys = new java.util.HashSet<>();

	@BeforeAll
	void theBaseline() throws Exception {
		this.baseline = build(null);
		this.probes = probes(this.baseline);
		this.probes.stream().filter(Probe::page).forEach(p -> this.pageKeys.add(p.key()));
		assertThat(this.pageKeys).as("pages probed, the list of incidents with each of its filters among them")
			.contains("GET /incidents", "GET /incidents?from=2016-10-20T00:00:00Z",
					"GET /incidents?to=2016-10-23T00:00:00Z", "GET /incidents?before=2016-10-21T12:00:00Z");
	}

	@AfterAll
	void close() throws Exception {
		if (this.baseline != null) {
			this.baseline.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Secret.class)
	void whatAReaderMayNotSeeChangesNothingItCanObtain(Secret secret) throws Exception {
		String only = System.getProperty("truce.leaks.secret");
		org.junit.jupiter.api.Assumptions.assumeTrue(only == null || only.equals(secret.name()),
				"only " + only + " (truce.leaks.secret)");
		Map<String, String> leaks = new TreeMap<>();
		Set<String> operations = new TreeSet<>();
		Set<String> pages = new TreeSet<>();
		int compared = 0;
		try (LeakScenario changed = build(secret)) {
			for (Reader reader : Reader.values()) {
				if (secret.entitles(reader)) {
					continue;
				}
				Map<String, String> before = observe(this.baseline, reader, secret);
				Map<String, String> after = observe(changed, reader, secret);
				Set<String> keys = new TreeSet<>(before.keySet());
				keys.addAll(after.keySet());
				for (String key : keys) {
					compared++;
					String operation = key.replace(" (headers)", "")
						.replaceAll("\\{[^}]*}", "{}")
						.replaceAll("\\?.*", "");
					(this.pageKeys.contains(key) ? pages : operations).add(operation);
					String a = before.get(key);
					String b = after.get(key);
					if (!java.util.Objects.equals(a, b)) {
						leaks.put(reader + " " + key, difference(a, b));
					}
				}
			}
		}
		System.out.printf(
				"non-interference, %s: %d operations of /v3/api-docs and other surfaces, %d pages, %d answers compared,"
						+ " %d differ%n",
				secret, operations.size(), pages.size(), compared, leaks.size());
		leaks.forEach((where, how) -> System.out.printf("  LEAK %s: %s%n", where, how));
		Set<String> known = KNOWN_LEAKS.getOrDefault(secret, Set.of());
		assertThat(leaks.keySet())
			.as("what readers not entitled to %s obtain differs when only it changes: %s", secret,
					leaks.entrySet().stream().limit(8).map(e -> e.getKey() + ": " + e.getValue()).toList())
			.isSubsetOf(known);
		assertThat(known).as("leaks no longer found: take them off KNOWN_LEAKS").isSubsetOf(leaks.keySet());
	}

	/**
	 * The scenario with {@code secret} changed (none: the baseline), on the store this
	 * test runs on.
	 */
	private LeakScenario build(Secret secret) throws Exception {
		return LeakScenario.build(secret, this::start);
	}

	/** Starts the application on the store this test runs on: SQLite. */
	RunningTruce start(Map<String, Object> properties) {
		return RunningTruce.sqlite(true, properties);
	}

	/**
	 * The writes, refusals first among them: for each secret, every POST, PUT, PATCH and
	 * DELETE operation of {@code /v3/api-docs}, sent by each reader not entitled to it,
	 * naming the secret's objects in its path and body or with a malformed or empty body
	 * ({@link WriteProbes}), gets the same answer (status, headers, body) in two fresh
	 * runs that differ only by the secret. Fresh runs, so that a write one reader makes
	 * is made in both runs alike and changes nothing the other tests compare.
	 */
	@ParameterizedTest
	@EnumSource(Secret.class)
	void whatAReaderMayNotSeeChangesNoAnswerToAWrite(Secret secret) throws Exception {
		long started = System.nanoTime();
		Map<String, String> leaks = new TreeMap<>();
		Set<String> operations = new TreeSet<>();
		int compared = 0;
		int accepted = 0;
		try (LeakScenario before = build(null); LeakScenario after = build(secret)) {
			List<WriteProbes.Probe> writes = WriteProbes.of(before, secret);
			for (Reader reader : Reader.values()) {
				if (secret.entitles(reader) || reader == Reader.WEBHOOK) {
					continue;
				}
				Map<String, String> a = WriteProbes.observe(before, reader, writes, this.client,
						new Normaliser(before));
				Map<String, String> b = WriteProbes.observe(after, reader, writes, this.client, new Normaliser(after));
				for (WriteProbes.Probe probe : writes) {
					compared++;
					operations.add(probe.operation());
					String one = a.get(probe.key());
					if (one.startsWith("2")) {
						accepted++;
					}
					if (!one.equals(b.get(probe.key()))) {
						leaks.put(reader + " " + probe.key(), difference(one, b.get(probe.key())));
					}
				}
			}
		}
		System.out.printf(
				"non-interference of writes, %s: %d write operations of /v3/api-docs, %d answers compared (%d"
						+ " accepted), %d differ, %d s%n",
				secret, operations.size(), compared, accepted, leaks.size(),
				Duration.ofNanos(System.nanoTime() - started).toSeconds());
		leaks.forEach((where, how) -> System.out.printf("  LEAK %s: %s%n", where, how));
		assertThat(leaks.keySet())
			.as("what readers not entitled to %s are answered to a write differs when only it changes: %s", secret,
					leaks.entrySet().stream().limit(8).map(e -> e.getKey() + ": " + e.getValue()).toList())
			.isEmpty();
	}

	/** What {@code reader} obtains from {@code run}, each answer named by its probe. */
	private Map<String, String> observe(LeakScenario run, Reader reader, Secret secret) throws Exception {
		Normaliser normaliser = new Normaliser(run);
		Map<String, String> seen = new LinkedHashMap<>();
		if (reader == Reader.WEBHOOK) {
			List<String> bodies = new ArrayList<>(run.webhookBodies().stream().map(normaliser::apply).toList());
			bodies.sort(Comparator.naturalOrder());
			seen.put("webhook bodies", String.join("\n", bodies));
			return seen;
		}
		seen.put("GET /api/alerts/stream (open while recording)",
				normaliser.apply(String.join("\n", run.streamed(reader))));
		List<String> as = reader == Reader.PUBLIC ? List.of("--public") : List.of("--as", reader.username());
		for (String[] export : List.of(new String[] { "reports", "--format", "csv" },
				new String[] { "reports", "--format", "geojson" },
				new String[] { "findings", "--agreement", LeakScenario.AGREEMENT })) {
			CliExport written = CliExport.run(run.truce(), as, export[0],
					java.util.Arrays.copyOfRange(export, 1, export.length));
			seen.put("truce export " + String.join(" ", export),
					written.exitCode() + "\n" + normaliser.apply(written.file()));
		}
		String size = String.valueOf(ledgerSize(run));
		String last = String.valueOf(ledgerSize(run) - 1);
		for (Probe probe : this.probes) {
			String path = probe.sample().replace("{ledger:size}", size).replace("{ledger:last}", last);
			for (Map.Entry<String, String> id : run.ids().entrySet()) {
				path = path.replace("{" + id.getKey() + "}", id.getValue());
			}
			path = path.replace("{nothing}", NOTHING);
			HttpRequest.Builder request = HttpRequest.newBuilder(run.uri(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", probe.page() ? "text/html,application/xhtml+xml,*/*;q=0.8"
						: "application/json, application/problem+json, */*");
			if (run.token(reader) != null) {
				request.header("Authorization", "Bearer " + run.token(reader));
			}
			HttpResponse<String> response = this.client.send(request.GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("GET %s as %s: %s", path, reader, response.body()).isLessThan(500);
			String type = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
			String body = normaliser.named(response.body());
			if (secret == Secret.UNPUBLISHED_REPORT || secret == Secret.UNSHARED_CLAIM) {
				body = withoutTheLogsCount(body, secret);
			}
			body = normaliser.numbered(body);
			seen.put(probe.key(), response.statusCode() + " " + type + "\n" + body);
			seen.put(probe.key() + " (headers)", headers(response, normaliser));
		}
		return seen;
	}

	/** Headers that differ between any two answers, whatever the record. */
	private static final Set<String> PER_ANSWER = Set.of("date", "set-cookie", "connection", "keep-alive");

	/**
	 * The answer's headers, by name, as a reader may compare them: {@code ETag},
	 * {@code Last-Modified}, {@code Truce-Truncated}, {@code Truce-Row-Cap},
	 * {@code Link}, {@code Location} and every other header but those that differ between
	 * any two answers ({@link #PER_ANSWER}), with ids and clock times named as in bodies.
	 * A {@code Content-Length} that is the body's length says nothing the body does not
	 * (the body is compared), and is named so; any other is compared as it is.
	 */
	private static String headers(HttpResponse<String> response, Normaliser normaliser) {
		Map<String, List<String>> sorted = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			String lower = name.toLowerCase(java.util.Locale.ROOT);
			if (!PER_ANSWER.contains(lower) && !lower.equals(":status")) {
				sorted.put(lower, values);
			}
		});
		int length = response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		StringBuilder out = new StringBuilder();
		sorted.forEach((name, values) -> {
			for (String value : values) {
				String shown = name.equals("content-length") && value.equals(String.valueOf(length))
						? "<the body's length>" : normaliser.apply(value);
				out.append(name).append(": ").append(shown).append('\n');
			}
		});
		return out.toString();
	}

	/**
	 * What a public, append-only log shows of every record by design: that an entry was
	 * appended, its kind, subject and time, and so the number of entries. An unpublished
	 * report shows there as a {@code report} entry (and the incident it forms as an
	 * {@code incident-created} one) holding only salted commitments. For that secret
	 * alone, the log's answers are compared without its size, its indices and the entries
	 * whose subject is the report (whose kinds are checked): everything else in them must
	 * still be the same. The same holds of a claim, whose entry ({@code incident-claim},
	 * about the incident) shows that a side made one, never its words: for the claim's
	 * secret, the log's answers are compared without the claims' entries.
	 */
	private static String withoutTheLogsCount(String body, Secret secret) {
		if (!body.startsWith("{") && !body.startsWith("[")) {
			return body.replaceAll("(checkpoint-size\">)\\d+", "$1<n>")
				.replaceAll("(?m)^\\d+$", "<n>")
				.replaceAll("(?s)(<ol class=\"audit-path\">).*?(</ol>)", "$1<path>$2");
		}
		return Normaliser.SORTED.writeValueAsString(withoutTheLogsCount(Normaliser.SORTED.readTree(body), secret));
	}

	private static JsonNode withoutTheLogsCount(JsonNode node, Secret secret) {
		if (node.isString()) {
			return tools.jackson.databind.node.StringNode.valueOf(node.asString().replaceAll("(?m)^\\d+$", "<n>"));
		}
		if (node.isArray()) {
			tools.jackson.databind.node.ArrayNode kept = Normaliser.SORTED.createArrayNode();
			for (JsonNode item : node) {
				String subject = item.path("subject").asString("");
				JsonNode entry = item.path("entry").isString() && !subject.isEmpty()
						? Normaliser.SORTED.readTree(item.path("entry").asString())
						: Normaliser.SORTED.createObjectNode();
				boolean hidden = secret == Secret.UNPUBLISHED_REPORT
						? subject.equals("{report:unpublished}") || subject.equals("{incident:unpublished}")
						: entry.path("kind").asString("").equals("incident-claim");
				if (hidden) {
					assertThat(entry.path("body").propertyNames())
						.as("an entry about the hidden record holds nothing in the clear but who made it: %s", item)
						.isSubsetOf("commitments", "by", "rules");
					continue;
				}
				kept.add(withoutTheLogsCount(item, secret));
			}
			return kept;
		}
		if (node.isObject()) {
			tools.jackson.databind.node.ObjectNode out = Normaliser.SORTED.createObjectNode();
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				boolean count = member.getValue().isNumber()
						&& List.of("index", "size", "to", "treeSize").contains(member.getKey());
				boolean path = member.getKey().equals("proof") && member.getValue().isArray();
				out.set(member.getKey(),
						count || path ? tools.jackson.databind.node.StringNode.valueOf(path ? "<path>" : "<n>")
								: withoutTheLogsCount(member.getValue(), secret));
			}
			return out;
		}
		return node;
	}

	private long ledgerSize(LeakScenario run) {
		return run.truce().jdbc().sql("SELECT COUNT(*) FROM ledger_entries").query(Long.class).single();
	}

	/**
	 * One request to make of each run: {@code key} names it with the scenario's names of
	 * ids, {@code sample} is the path and query with those names to fill in.
	 */
	record Probe(String key, String sample, boolean page) {

	}

	/**
	 * Every GET operation of the API description and every page, with each path variable
	 * filled in every way and each query parameter tried alone.
	 */
	private static List<Probe> probes(LeakScenario run) throws Exception {
		List<Probe> probes = new ArrayList<>();
		JsonNode paths = JSON.readTree(run.truce().http().get("/v3/api-docs").body()).get("paths");
		Set<String> described = new LinkedHashSet<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			described.add(path.getKey());
			JsonNode get = path.getValue().get("get");
			if (get == null) {
				continue;
			}
			Map<String, Boolean> query = new LinkedHashMap<>();
			for (JsonNode parameter : get.path("parameters")) {
				if ("query".equals(parameter.path("in").asString())) {
					String name = parameter.get("name").asString();
					List<String> enumerated = new ArrayList<>();
					parameter.path("schema").path("enum").forEach(v -> enumerated.add(v.asString()));
					// A stream without its timeout would run for half an hour.
					query.put(name, parameter.path("required").asBoolean(false) || name.equals("timeoutSeconds"));
					if (!enumerated.isEmpty()) {
						ENUMS.put(path.getKey() + " " + name, enumerated);
					}
				}
			}
			probes.addAll(expand(path.getKey(), query, false, run));
		}
		for (RequestMappingHandlerMapping mapping : run.truce().beans(RequestMappingHandlerMapping.class).values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
				RequestMappingInfo info = handler.getKey();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
					continue;
				}
				for (String pattern : info.getPatternValues()) {
					if (described.contains(pattern) || pattern.contains("**") || pattern.equals("/error")
							|| pattern.startsWith("/v3/") || pattern.startsWith("/swagger-ui")) {
						continue;
					}
					Map<String, Boolean> query = new LinkedHashMap<>();
					for (var parameter : handler.getValue().getMethodParameters()) {
						RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
						if (param != null) {
							String name = param.name().isEmpty() ? param.value() : param.name();
							if (!name.isEmpty()) {
								query.put(name,
										param.required()
												&& org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE
													.equals(param.defaultValue()));
							}
						}
					}
					probes.addAll(expand(pattern, query, true, run));
				}
			}
		}
		assertThat(probes).as("probes").hasSizeGreaterThan(50);
		return probes;
	}

	private static final Map<String, List<String>> ENUMS = new java.util.concurrent.ConcurrentHashMap<>();

	private static List<Probe> expand(String template, Map<String, Boolean> query, boolean page, LeakScenario run) {
		List<String> paths = PathTemplates.filled(template, previous -> values(previous, run));
		List<String> required = new ArrayList<>();
		List<String> optional = new ArrayList<>();
		for (Map.Entry<String, Boolean> parameter : query.entrySet()) {
			List<String> values = valuesOf(template, parameter.getKey());
			if (parameter.getValue()) {
				assertThat(values)
					.as("a value for the required parameter %s of %s: add it to VALUES", parameter.getKey(), template)
					.isNotEmpty();
				required.add(parameter.getKey() + "=" + values.get(0));
			}
			else {
				values.forEach(value -> optional.add(parameter.getKey() + "=" + value));
			}
		}
		List<String> queries = new ArrayList<>();
		queries.add(String.join("&", required));
		for (String one : optional) {
			queries.add(required.isEmpty() ? one : String.join("&", required) + "&" + one);
		}
		List<Probe> probes = new ArrayList<>();
		for (String path : paths) {
			for (String q : queries) {
				String sample = q.isEmpty() ? path : path + "?" + q;
				probes.add(new Probe("GET " + sample, sample, page));
			}
		}
		return probes;
	}

	private static List<String> valuesOf(String template, String parameter) {
		List<String> enumerated = ENUMS.get(template + " " + parameter);
		if (enumerated != null) {
			return enumerated;
		}
		Map<String, List<String>> forPath = VALUES_FOR_PATH.getOrDefault(template, Map.of());
		return forPath.getOrDefault(parameter, VALUES.getOrDefault(parameter, List.of()));
	}

	/** The names of the ids that may fill a path variable after {@code segment}. */
	private static List<String> values(String segment, LeakScenario run) {
		List<String> fixed = FIXED.get(segment);
		if (fixed != null) {
			return fixed;
		}
		List<String> values = new ArrayList<>();
		String kind = KINDS.get(segment);
		if (kind != null) {
			for (String name : run.ids().keySet()) {
				if (name.equals(kind) || (kind.endsWith(":") && name.startsWith(kind))) {
					values.add("{" + name + "}");
				}
			}
		}
		values.add("{nothing}");
		return values;
	}

	/** The first place where two answers differ, with a little of each around it. */
	private static String difference(String a, String b) {
		if (a == null || b == null) {
			return "only in one run: " + abbreviate(a == null ? b : a, 0);
		}
		int at = 0;
		while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
			at++;
		}
		return "«" + abbreviate(a, at) + "» ≠ «" + abbreviate(b, at) + "»";
	}

	private static String abbreviate(String text, int at) {
		int from = Math.max(0, at - 60);
		int to = Math.min(text.length(), at + 100);
		return (from > 0 ? "…" : "") + text.substring(from, to).replace('\n', ' ') + (to < text.length() ? "…" : "");
	}

	/**
	 * Names the ids of one run as the scenario names them, and other ids, clock times,
	 * hashes, salts, signatures and CSRF tokens by their order in the answer: what
	 * differs between two runs of the same scenario whatever the secret.
	 */
	static final class Normaliser {

		private static final Pattern UUID = Pattern
			.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

		private static final Pattern NOW = Pattern
			.compile("20[2-9]\\d-\\d\\d-\\d\\d(?:[T ]\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d\\d:?\\d\\d)?)?");

		private static final Pattern HEX = Pattern.compile("\\b[0-9a-f]{64}\\b");

		/** 16 random bytes in hex: a salt. */
		private static final Pattern HEX32 = Pattern.compile("\\b[0-9a-f]{32}\\b");

		private static final Pattern SALT = Pattern.compile("(\"\\w*[sS]alt\"\\s*:\\s*\")[A-Za-z0-9_-]{16,}(\")");

		/** A clock time as a page shows it: {@code 7 Dec 2026, 16:10}. */
		private static final Pattern SHOWN = Pattern.compile("\\d{1,2} [A-Z][a-z]{2} 20[2-9]\\d(?:, \\d\\d:\\d\\d)?");

		/** How long a webhook's receiver took to answer. */
		private static final Pattern DURATION = Pattern.compile("(\"durationMillis\":)\\d+");

		static final JsonMapper SORTED = JsonMapper.builder()
			.enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build();

		private static final Pattern CSRF = Pattern.compile("(_csrf[^>]*?(?:value|content)=\")[^\"]*(\")");

		private static final Pattern BASE64 = Pattern
			.compile("(?:(?<=\\\\[nrt])|(?<![\\\\A-Za-z0-9+/_-]))[A-Za-z0-9+/_-]{40,}={0,2}");

		private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");

		private final List<Map.Entry<String, String>> ids;

		Normaliser(LeakScenario run) {
			this.ids = new ArrayList<>(run.ids().entrySet());
			this.ids.sort(Comparator.comparing((Map.Entry<String, String> e) -> e.getValue().length()).reversed());
		}

		String apply(String text) {
			return numbered(named(text));
		}

		/** The scenario's ids by their names, and a JSON answer's members in order. */
		String named(String text) {
			String out = text;
			for (Map.Entry<String, String> id : this.ids) {
				out = out.replace(id.getValue(), "{" + id.getKey() + "}");
			}
			return sorted(out);
		}

		/** Whatever differs between any two runs, named by its order in the answer. */
		String numbered(String text) {
			String out = numbered(UUID, text, "id");
			out = NOW.matcher(out).replaceAll("<now>");
			out = SHOWN.matcher(out).replaceAll("<now>");
			out = DURATION.matcher(out).replaceAll("$1<ms>");
			out = numbered(HEX, out, "hash");
			out = numbered(HEX32, out, "salt");
			out = SALT.matcher(out).replaceAll("$1<salt>$2");
			out = CSRF.matcher(out).replaceAll("$1<csrf>$2");
			out = numbered(BASE64, out, "b64");
			out = PORT.matcher(out).replaceAll("127.0.0.1:<port>");
			return out;
		}

		/**
		 * A JSON answer with the members of each object in the order of their names,
		 * since that order means nothing and may follow a hash of ids.
		 */
		private static String sorted(String text) {
			String trimmed = text.strip();
			if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
				return text;
			}
			try {
				return SORTED.writeValueAsString(SORTED.readValue(trimmed, Object.class));
			}
			catch (RuntimeException notJson) {
				return text;
			}
		}

		/** Each distinct match named by the order it first appears in. */
		private static String numbered(Pattern pattern, String text, String name) {
			Map<String, String> names = new LinkedHashMap<>();
			Matcher m = pattern.matcher(text);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String named = names.computeIfAbsent(m.group(), k -> "<" + name + (names.size() + 1) + ">");
				m.appendReplacement(out, Matcher.quoteReplacement(named));
			}
			m.appendTail(out);
			return out.toString();
		}

	}

}
