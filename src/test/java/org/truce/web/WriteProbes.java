package org.truce.web;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.truce.web.LeakScenario.Reader;
import org.truce.web.LeakScenario.Secret;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writes of the non-interference test: every POST, PUT, PATCH and DELETE operation of
 * {@code /v3/api-docs}, sent by a reader not entitled to a secret with each path variable
 * filled with the secret's objects of its kind (and with an id that names nothing), and
 * with each of these bodies: none, malformed, an empty object, and the operation's
 * request body as its schema describes it with every free string naming one of the
 * secret's objects. The answer (status, headers but the connection's own, body) must not
 * depend on the secret: a refusal no more than an acceptance. Read from the API
 * description, so a new write operation is probed without a change here.
 */
final class WriteProbes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The objects each secret is about, by the scenario's names of ids. */
	static final Map<Secret, List<String>> OBJECTS = Map.of(Secret.AT_RISK_PLACE,
			List.of("report:at-risk", "incident:at-risk"), Secret.UNPUBLISHED_REPORT,
			List.of("report:unpublished", "incident:unpublished"), Secret.POSITION_AREA, List.of("position:government"),
			Secret.SITE_PLACE, List.of("notification:clinic"), Secret.UNSHARED_CLAIM,
			List.of("incident:at-risk", "claim"));

	/** The objects a path variable after this segment names. */
	private static final Map<String, String> KINDS = Map.of("reports", "report:", "incidents", "incident:", "positions",
			"position:", "notifications", "notification:");

	/** Path variables that are not ids of the record. */
	private static final Map<String, String> FIXED = Map.of("imports", "acled", "users", "nobody");

	/** Headers of the connection, not of the answer. */
	private static final Set<String> CONNECTION = Set.of("date", "content-length", "connection", "keep-alive",
			"transfer-encoding");

	private static final Pattern SESSION = Pattern.compile("(JSESSIONID=)[^;\\s]+");

	private static final String NOTHING = "00000000-0000-7000-8000-00000000abcd";

	private WriteProbes() {
	}

	/**
	 * One write: {@code key} names it with the scenario's names of ids, which
	 * {@code path} and {@code body} hold to fill in for each run.
	 *
	 * @param operation the method and the path's template
	 * @param body null: none
	 */
	record Probe(String key, String operation, String method, String path, String contentType, String body) {

	}

	/** Every write of the API description about {@code secret}'s objects. */
	static List<Probe> of(LeakScenario run, Secret secret) {
		JsonNode docs = JSON.readTree(run.truce().http().get("/v3/api-docs").body());
		JsonNode schemas = docs.path("components").path("schemas");
		List<String> objects = OBJECTS.get(secret);
		List<Probe> probes = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (String method : List.of("post", "put", "patch", "delete")) {
				JsonNode operation = path.getValue().get(method);
				if (operation == null) {
					continue;
				}
				String verb = method.toUpperCase(Locale.ROOT);
				String type = "application/json";
				JsonNode schema = null;
				for (Map.Entry<String, JsonNode> content : operation.path("requestBody").path("content").properties()) {
					type = content.getKey().contains("*") ? "application/json" : content.getKey();
					schema = content.getValue().path("schema");
					break;
				}
				Map<String, String> bodies = new LinkedHashMap<>();
				bodies.put("no body", null);
				bodies.put("malformed", "{\"");
				bodies.put("empty", "{}");
				if (schema != null) {
					for (String object : objects) {
						bodies.put("naming {" + object + "}",
								JSON.writeValueAsString(filled(schema, schemas, object, 0)));
					}
				}
				for (String sample : paths(path.getKey(), objects)) {
					for (Map.Entry<String, String> body : bodies.entrySet()) {
						probes
							.add(new Probe(verb + " " + sample + " [" + body.getKey() + "]", verb + " " + path.getKey(),
									verb, sample, body.getValue() == null ? null : type, body.getValue()));
					}
				}
			}
		}
		assertThat(probes).as("write probes of /v3/api-docs").hasSizeGreaterThan(50);
		return probes;
	}

	/**
	 * The path with each variable filled with each object of its kind and with nothing.
	 */
	private static List<String> paths(String template, List<String> objects) {
		return PathTemplates.filled(template, previous -> {
			String fixed = FIXED.get(previous);
			if (fixed != null) {
				return List.of(fixed);
			}
			List<String> values = new ArrayList<>();
			String kind = KINDS.get(previous);
			if (kind != null) {
				objects.stream().filter(o -> o.startsWith(kind)).forEach(o -> values.add("{" + o + "}"));
			}
			values.add(NOTHING);
			return values;
		});
	}

	/**
	 * A value of the schema: enumerations their first value, times and dates a fixed one,
	 * numbers 1, and every other string the id of {@code object}.
	 */
	private static JsonNode filled(JsonNode schema, JsonNode schemas, String object, int depth) {
		JsonNode s = schema;
		if (s.has("$ref")) {
			s = schemas.path(s.get("$ref").asString().replaceAll(".*/", ""));
		}
		if (s.has("oneOf") || s.has("anyOf") || s.has("allOf")) {
			JsonNode first = s.has("oneOf") ? s.get("oneOf") : s.has("anyOf") ? s.get("anyOf") : s.get("allOf");
			return first.isEmpty() || depth > 6 ? JSON.createObjectNode()
					: filled(first.get(0), schemas, object, depth + 1);
		}
		String type = s.path("type").asString("object");
		if (s.has("enum") && !s.get("enum").isEmpty()) {
			return s.get("enum").get(0);
		}
		switch (type) {
			case "string" -> {
				String format = s.path("format").asString("");
				return JSON.getNodeFactory()
					.stringNode(format.equals("date-time") ? "2016-10-21T12:00:00Z"
							: format.equals("date") ? "2016-10-21" : "{" + object + "}");
			}
			case "integer", "number" -> {
				return JSON.getNodeFactory().numberNode(1);
			}
			case "boolean" -> {
				return JSON.getNodeFactory().booleanNode(false);
			}
			case "array" -> {
				ArrayNode array = JSON.createArrayNode();
				if (depth < 6) {
					array.add(filled(s.path("items"), schemas, object, depth + 1));
				}
				return array;
			}
			default -> {
				ObjectNode node = JSON.createObjectNode();
				if (depth < 6) {
					for (Map.Entry<String, JsonNode> property : s.path("properties").properties()) {
						node.set(property.getKey(), filled(property.getValue(), schemas, object, depth + 1));
					}
				}
				return node;
			}
		}
	}

	/**
	 * What {@code reader} is answered to each probe in {@code run}, by the probe's key.
	 */
	static Map<String, String> observe(LeakScenario run, Reader reader, List<Probe> probes, HttpClient client,
			NothingHiddenLeaksTest.Normaliser normaliser) throws Exception {
		Map<String, String> seen = new LinkedHashMap<>();
		for (Probe probe : probes) {
			HttpRequest.Builder request = HttpRequest.newBuilder(run.uri(fill(probe.path(), run)))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json, */*");
			if (run.token(reader) != null) {
				request.header("Authorization", "Bearer " + run.token(reader));
			}
			if (probe.body() == null) {
				request.method(probe.method(), HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", probe.contentType())
					.method(probe.method(), HttpRequest.BodyPublishers.ofString(fill(probe.body(), run)));
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s as %s: %s", probe.key(), reader, response.body()).isLessThan(500);
			String answer = response.statusCode() + "\n" + normaliser.named(headers(response.headers())) + "\n"
					+ normaliser.named(response.body());
			seen.put(probe.key(), normaliser.numbered(SESSION.matcher(answer).replaceAll("$1<session>")));
		}
		return seen;
	}

	/** The answer's headers, by name, without those of the connection. */
	private static String headers(HttpHeaders headers) {
		Map<String, List<String>> kept = new TreeMap<>();
		headers.map().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!CONNECTION.contains(lower)) {
				kept.put(lower, values);
			}
		});
		StringBuilder out = new StringBuilder();
		kept.forEach((name, values) -> out.append(name).append(": ").append(String.join(", ", values)).append('\n'));
		return out.toString();
	}

	/**
	 * The text with the run's ids for the scenario's names, and the id that names
	 * nothing.
	 */
	private static String fill(String text, LeakScenario run) {
		String out = text;
		for (Map.Entry<String, String> id : run.ids().entrySet()) {
			out = out.replace("{" + id.getKey() + "}", id.getValue());
		}
		return out;
	}

}
