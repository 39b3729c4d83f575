package org.truce.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.store.IdempotentRequests;
import org.truce.shared.Sha256;

/**
 * A POST that creates a resource, done once per {@code Idempotency-Key}
 * ({@link IdempotentRequests}): the first request is done and its response (201 and the
 * body) kept in its transaction; the same request under the same key gets that response
 * again, with {@code Idempotent-Replayed: true}, and changes nothing; the same key with
 * another request is refused (422 IDEMPOTENCY_KEY_REUSED). Without a key, the request is
 * simply done.
 *
 * <p>
 * A request is identified by its method and path, its {@code If-Match} header and its
 * body as JSON: the SHA-256 of {@code "POST <path>\n<If-Match>\n<body>"}, the If-Match
 * stripped, empty when absent.
 */
@Component
public class IdempotentPosts {

	/** The description of the header, for the API's documentation. */
	public static final String KEY_DESCRIPTION = "A client-chosen key, up to 200 characters, that makes retries safe:"
			+ " the same request under the same key gets the first response again (with Idempotent-Replayed: true)"
			+ " and changes nothing; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED)";

	private final IdempotentRequests requests;

	private final JsonMapper json;

	IdempotentPosts(IdempotentRequests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	/**
	 * Creates once per key; the same as
	 * {@link #create(String, String, String, String, Object, Supplier, Function, boolean)}
	 * without If-Match.
	 */
	public ResponseEntity<JsonNode> create(String userId, String key, String path, Object request,
			Supplier<Object> create, Function<JsonNode, URI> location, boolean versioned) {
		return create(userId, key, path, null, request, create, location, versioned);
	}

	/**
	 * Creates once per key.
	 * @param userId who asks; keys are per user
	 * @param key the {@code Idempotency-Key} header, or null
	 * @param path the path posted to, which with {@code ifMatch} and {@code request}
	 * identifies the request
	 * @param ifMatch the {@code If-Match} header of a conditional POST, or null
	 * @param request the body as read
	 * @param create does the work and returns the view of what it created (written as
	 * JSON)
	 * @param location the created resource's URI, from that view as JSON
	 * @param versioned whether to send the view's {@code version} as the {@code ETag}
	 * @throws RejectedException INVALID_VALUE for a blank or over-long key,
	 * IDEMPOTENCY_KEY_REUSED, or what {@code create} throws
	 */
	public ResponseEntity<JsonNode> create(String userId, String key, String path, String ifMatch, Object request,
			Supplier<Object> create, Function<JsonNode, URI> location, boolean versioned) {
		checkKey(key);
		IdempotentRequests.Answer<Object> answer = this.requests.once(userId, key, digest(path, ifMatch, request),
				create, view -> new IdempotentRequests.Response(HttpStatus.CREATED.value(),
						this.json.writeValueAsString(view)));
		JsonNode body = this.json.readTree(answer.response().body());
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(answer.response().status())
			.location(location.apply(body));
		if (versioned && body.has("version")) {
			builder.eTag("\"" + body.get("version").asInt() + "\"");
		}
		if (answer.replayed()) {
			builder.header("Idempotent-Replayed", "true");
		}
		return builder.contentType(MediaType.APPLICATION_JSON).body(body);
	}

	/**
	 * Refuses a blank or over-long {@code Idempotency-Key} header.
	 * @param key the header, or null (no key: nothing to check)
	 * @throws RejectedException INVALID_VALUE, field {@code Idempotency-Key}
	 */
	public static void checkKey(String key) {
		if (key != null && (key.isBlank() || key.length() > 200)) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "Idempotency-Key", "idempotencyKey"));
		}
	}

	/** What identifies a request: its method and path, its If-Match and its body. */
	private String digest(String path, String ifMatch, Object request) {
		String text = "POST " + path + "\n" + (ifMatch == null ? "" : ifMatch.strip()) + "\n"
				+ this.json.writeValueAsString(request);
		return Sha256.hex(text);
	}

}
