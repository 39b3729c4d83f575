package org.truce.report.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.truce.identity.web.SignedIn;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingBatch;
import org.truce.report.model.ReportDraft;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.ProblemText;
import org.truce.shared.RejectedException;
import org.truce.shared.Sha256;
import org.truce.web.IdempotentPosts;
import org.truce.web.Problems;

/**
 * {@code POST /api/reports/batch}: many reports in one request, as NDJSON (one draft per
 * line) or as a JSON array of drafts, each with its own outcome. A draft is exactly the
 * body of {@code POST /api/reports}, with one more, optional member:
 * {@code idempotencyKey}.
 */
@RestController
class ReportBatchController {

	static final String NDJSON = "application/x-ndjson";

	static final String KEY = "idempotencyKey";

	private final SubmittingBatch batch;

	private final JsonMapper json;

	/** Reads one value of an array, where more follow. */
	private final ObjectReader element;

	private final int limit;

	ReportBatchController(SubmittingBatch batch, JsonMapper json,
			@Value("${truce.limits.batch-reports:1000}") int limit) {
		this.batch = batch;
		this.json = json;
		this.element = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		this.limit = limit;
	}

	@Operation(summary = "Submit many reports at once",
			description = "The body is NDJSON (application/x-ndjson: one report per line; blank lines are skipped) or a"
					+ " JSON array of reports (application/json), each exactly the body of POST /api/reports, with one"
					+ " more, optional member, idempotencyKey. At most truce.limits.batch-reports reports (1000 by"
					+ " default; more: 413 BATCH_TOO_LARGE, nothing stored), in at most truce.max-batch-body bytes"
					+ " (8 MB; more: 413 BODY_TOO_LARGE). A body that is not JSON, or an NDJSON line that is not, is"
					+ " refused whole (400 MALFORMED_JSON, with the line for NDJSON) and nothing is stored. Otherwise"
					+ " the answer is 200 with one outcome per report, in the request's order: {index, status:"
					+ " created, id, location} for a report stored now (what a single POST answers with 201),"
					+ " {index, status: replayed, id, location} for one stored before under the same key (200 there),"
					+ " and {index, status: rejected, problem} for one refused, the problem carrying the same code and"
					+ " field a single POST would give. One refused report stops no other: the valid ones are stored,"
					+ " together, and acknowledged only once durably committed. 200 and not 207 Multi-Status: 207 is"
					+ " WebDAV's, with an XML body of per-resource statuses; here the request as a whole was done,"
					+ " and what became of each report is in the body, which the client must read in any case."
					+ " Idempotency: an item's idempotencyKey (1 to 200 characters), or else the request's"
					+ " Idempotency-Key header with the item's index, names the item; replaying a batch stores nothing"
					+ " twice and answers replayed with the ids first given; the same key with other content is that"
					+ " item's IDEMPOTENCY_KEY_REUSED. Keys are per user, and apart from those of POST /api/reports."
					+ " Who may submit, and under which sources, is as for POST /api/reports.")
	@PostMapping(path = "/api/reports/batch", consumes = { NDJSON, "application/json" })
	Map<String, Object> submit(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "Reports, each as the body of POST /api/reports with an optional idempotencyKey",
					content = { @Content(
							mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = ReportDraft.class))),
							@Content(mediaType = NDJSON, schema = @Schema(type = "string",
									description = "One report a line, each as the body of POST /api/reports")) }) @RequestBody byte[] body,
			@Parameter(description = "A client-chosen key, up to 200 characters; with each item's index, it names the"
					+ " items that carry no idempotencyKey of their own, so that the batch may be replayed safely") @RequestHeader(
							name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request) {
		IdempotentPosts.checkKey(idempotencyKey);
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		String contentType = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
		List<JsonNode> nodes = contentType.startsWith(NDJSON) ? lines(body) : array(body);
		Object[] outcomes = new Object[nodes.size()];
		List<SubmittingBatch.Item> items = new ArrayList<>(nodes.size());
		List<Integer> positions = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			try {
				items.add(item(nodes.get(i), i, who.userId(), idempotencyKey));
				positions.add(i);
			}
			catch (RejectedException ex) {
				outcomes[i] = rejected(i, ex.problems());
			}
		}
		List<SubmittingBatch.Outcome> done = this.batch.submit(items, Submitter.user(who.userId(), who.grants()));
		for (int k = 0; k < done.size(); k++) {
			int index = positions.get(k);
			SubmittingBatch.Outcome o = done.get(k);
			outcomes[index] = o.report() == null ? rejected(index, o.problems()) : stored(index, o);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		Map<Object, Long> counts = java.util.Arrays.stream(outcomes)
			.collect(Collectors.groupingBy(o -> ((Map<?, ?>) o).get("status"), Collectors.counting()));
		answer.put("created", counts.getOrDefault("created", 0L));
		answer.put("replayed", counts.getOrDefault("replayed", 0L));
		answer.put("rejected", counts.getOrDefault("rejected", 0L));
		answer.put("items", List.of(outcomes));
		return answer;
	}

	/**
	 * The drafts of an NDJSON body, one a line; a line that is not JSON refuses it all.
	 */
	private List<JsonNode> lines(byte[] body) {
		List<JsonNode> nodes = new ArrayList<>();
		int line = 0;
		int start = 0;
		while (start <= body.length) {
			int end = start;
			while (end < body.length && body[end] != '\n') {
				end++;
			}
			line++;
			if (!blank(body, start, end)) {
				if (nodes.size() == this.limit) {
					throw tooLarge();
				}
				try {
					nodes.add(this.json.readTree(body, start, end - start));
				}
				catch (StreamReadException | MismatchedInputException ex) {
					throw malformed(line, ex);
				}
			}
			start = end + 1;
		}
		return nodes;
	}

	/** The drafts of a JSON array. */
	private List<JsonNode> array(byte[] body) {
		List<JsonNode> nodes = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new RejectedException(Problem.keyed(ErrorCode.MALFORMED_JSON, null, "empty"));
			}
			if (first != JsonToken.START_ARRAY) {
				throw new RejectedException(Problem.keyed(ErrorCode.WRONG_TYPE, "(body)", "batch"));
			}
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				if (nodes.size() == this.limit) {
					throw tooLarge();
				}
				nodes.add(this.element.readTree(parser));
			}
			if (parser.nextToken() != null) {
				throw new RejectedException(Problem.keyed(ErrorCode.MALFORMED_JSON, null, "trailing"));
			}
		}
		catch (StreamReadException ex) {
			throw new RejectedException(located(ex));
		}
		return nodes;
	}

	private RejectedException tooLarge() {
		return new RejectedException(Problem.with(ErrorCode.BATCH_TOO_LARGE, "items", this.limit));
	}

	private static RejectedException malformed(int line, JacksonException ex) {
		String field = "line " + line;
		return new RejectedException(ex instanceof MismatchedInputException
				? Problem.keyed(ErrorCode.MALFORMED_JSON, field, "lineTrailing", line)
				: Problem.keyed(ErrorCode.MALFORMED_JSON, field, "line", line, ex.getOriginalMessage()));
	}

	private static Problem located(JacksonException ex) {
		return ex.getLocation() == null ? Problem.with(ErrorCode.MALFORMED_JSON, null, ex.getOriginalMessage())
				: Problem.keyed(ErrorCode.MALFORMED_JSON, null, "at", ex.getOriginalMessage(),
						ex.getLocation().getLineNr(), ex.getLocation().getColumnNr());
	}

	private static boolean blank(byte[] body, int from, int to) {
		for (int i = from; i < to; i++) {
			byte b = body[i];
			if (b != ' ' && b != '\t' && b != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * One draft, its key made per user (apart from the single POST's keys) and the digest
	 * of its content.
	 * @throws RejectedException for a draft that does not read as a report, with the code
	 * and field a single POST gives
	 */
	private SubmittingBatch.Item item(JsonNode node, int index, String userId, String batchKey) {
		String key = null;
		String keyField = "Idempotency-Key";
		if (node instanceof ObjectNode object && object.has(KEY)) {
			JsonNode own = object.remove(KEY);
			if (!own.isString() || own.asString().isBlank() || own.asString().length() > 200) {
				throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, KEY, "batchKey"));
			}
			key = "batch-item:" + userId + ":" + own.asString();
			keyField = KEY;
		}
		else if (batchKey != null) {
			key = "batch:" + userId + ":" + batchKey + "#" + index;
		}
		ReportDraft draft;
		try {
			draft = this.json.treeToValue(node, ReportDraft.class);
		}
		catch (UnrecognizedPropertyException ex) {
			String field = path(ex);
			throw new RejectedException(Problem.of(ErrorCode.UNKNOWN_FIELD, field));
		}
		catch (InvalidFormatException ex) {
			String field = path(ex);
			if (ex.getTargetType() != null && ex.getTargetType().isEnum()) {
				String allowed = java.util.Arrays.stream(ex.getTargetType().getEnumConstants())
					.map(String::valueOf)
					.collect(Collectors.joining(", "));
				throw new RejectedException(
						Problem.keyed(ErrorCode.UNKNOWN_ENUM_VALUE, field, "oneOf", field, allowed));
			}
			throw new RejectedException(Problem.of(ErrorCode.WRONG_TYPE, field));
		}
		catch (DatabindException ex) {
			String field = path(ex);
			throw new RejectedException(Problem.of(ErrorCode.WRONG_TYPE, field));
		}
		String digest = key == null ? null : Sha256.hex(this.json.writeValueAsBytes(node));
		return new SubmittingBatch.Item(draft, key, digest, keyField);
	}

	private static String path(DatabindException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining());
		return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(body)" : path;
	}

	private static Map<String, Object> stored(int index, SubmittingBatch.Outcome outcome) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("index", index);
		out.put("status", outcome.created() ? "created" : "replayed");
		out.put("id", outcome.report().id());
		out.put("location", "/api/reports/" + outcome.report().id());
		return out;
	}

	/**
	 * A refused item: its index, and the problem a single POST of it would be, in the
	 * request's language.
	 */
	private static Map<String, Object> rejected(int index, List<Problem> problems) {
		Locale language = Problems.language();
		Problem first = problems.get(0);
		Map<String, Object> problem = new LinkedHashMap<>();
		HttpStatus status = HttpStatus.valueOf(first.code().status());
		problem.put("type", "https://truce.invalid/problems/" + first.code().name().toLowerCase().replace('_', '-'));
		problem.put("title", ProblemText.title(status.value(), language));
		problem.put("status", status.value());
		problem.put("detail", first.detail(language));
		problem.put("code", first.code().name());
		if (first.field() != null) {
			problem.put("field", first.field());
		}
		if (problems.size() > 1 || first.field() != null) {
			problem.put("errors", problems.stream().map(p -> entry(p, language)).toList());
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("index", index);
		out.put("status", "rejected");
		out.put("problem", problem);
		return out;
	}

	private static Map<String, Object> entry(Problem p, Locale language) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("code", p.code().name());
		if (p.field() != null) {
			out.put("field", p.field());
		}
		out.put("detail", p.detail(language));
		return out;
	}

}
