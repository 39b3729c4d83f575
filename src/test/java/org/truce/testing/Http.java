package org.truce.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP/1.1 client for one server, as an API client would call it. */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final String bearer;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	public Http(URI base) {
		this(base, null);
	}

	private Http(URI base, String bearer) {
		this.base = base;
		this.bearer = bearer;
	}

	/**
	 * The same client sending {@code Authorization: Bearer <token>} with every request.
	 */
	public Http withToken(String token) {
		return new Http(this.base, token);
	}

	public Response get(String pathAndQuery) {
		return send(request(pathAndQuery).GET().build());
	}

	/** GETs with these header names and values, such as htmx's {@code HX-Request}. */
	public Response get(String pathAndQuery, String... headers) {
		HttpRequest.Builder request = request(pathAndQuery);
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.GET().build());
	}

	/**
	 * A form body ({@code application/x-www-form-urlencoded}) of these name and value
	 * pairs, as a page's form posts it.
	 */
	public static byte[] form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** POSTs a JSON body with its Content-Length. */
	public Response postJson(String path, String json, String... headers) {
		return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8), false, headers);
	}

	/**
	 * POSTs bytes with the given content type; {@code chunked} sends them without a
	 * Content-Length, in chunked transfer coding.
	 */
	public Response post(String path, String contentType, byte[] body, boolean chunked, String... headers) {
		HttpRequest.Builder request = request(path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpRequest.BodyPublisher publisher = chunked
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
				: HttpRequest.BodyPublishers.ofByteArray(body);
		return send(request.POST(publisher).build());
	}

	/** PUTs a JSON body with its Content-Length. */
	public Response putJson(String path, String json, String... headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
	}

	private HttpRequest.Builder request(String pathAndQuery) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(pathAndQuery))
			.timeout(Duration.ofSeconds(60));
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		return request;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location"), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, content type, Location, headers and body text. */
	public record Response(int status, String contentType, Optional<String> location, java.net.http.HttpHeaders headers,
			String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		/** The problem's {@code code}, or null. */
		public String code() {
			JsonNode code = json().get("code");
			return code == null ? null : code.asString();
		}

		public String field() {
			JsonNode field = json().get("field");
			return field == null || field.isNull() ? null : field.asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + this.body;
		}

	}

}
