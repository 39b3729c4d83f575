package org.truce.ledger.infrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.application.LogServer;
import org.truce.ledger.model.StandardBase64;

/**
 * A Truce server's ledger endpoints over HTTP ({@link java.net.http}): {@code GET
 * ledger/checkpoint}, {@code GET ledger/proof/consistency} and {@code POST
 * ledger/cosignature}, relative to the server's base URL (which may have a path).
 */
public final class HttpLogServer implements LogServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final Duration timeout;

	private final HttpClient client;

	public HttpLogServer(URI base, Duration timeout) {
		String text = base.toString();
		this.base = URI.create(text.endsWith("/") ? text : text + "/");
		this.timeout = timeout;
		this.client = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public Optional<String> latestCheckpoint() {
		HttpResponse<String> response = send(request("ledger/checkpoint").GET().build());
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		requireOk(response);
		return Optional.of(response.body());
	}

	@Override
	public List<byte[]> consistencyProof(long from, long to) {
		HttpResponse<String> response = send(
				request("ledger/proof/consistency?from=" + from + "&to=" + to).GET().build());
		requireOk(response);
		try {
			JsonNode proof = JSON.readTree(response.body()).get("proof");
			if (proof == null || !proof.isArray()) {
				throw new LogServer.Unreachable(what(response) + " has no proof array", null);
			}
			List<byte[]> hashes = new ArrayList<>();
			for (JsonNode hash : proof) {
				hashes.add(StandardBase64.decode(hash.asString()));
			}
			return hashes;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new LogServer.Unreachable(what(response) + " is not a proof: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void submit(String cosignedNote) {
		HttpResponse<String> response = send(
				request("ledger/cosignature").header("Content-Type", "text/plain; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(cosignedNote, StandardCharsets.UTF_8))
					.build());
		int status = response.statusCode();
		if (status >= 400 && status < 500) {
			throw new LogServer.Refused("HTTP " + status + " " + detail(response.body()));
		}
		requireOk(response);
	}

	private HttpRequest.Builder request(String relative) {
		return HttpRequest.newBuilder(this.base.resolve(relative)).timeout(this.timeout);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new LogServer.Unreachable("cannot reach " + request.uri() + ": " + reason(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LogServer.Unreachable("interrupted while calling " + request.uri(), ex);
		}
	}

	/** The first message in the cause chain, with the exception's kind. */
	private static String reason(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getMessage() != null && !t.getMessage().isBlank()) {
				return t.getClass().getSimpleName() + ": " + t.getMessage();
			}
		}
		return ex.getClass().getSimpleName();
	}

	private static void requireOk(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new LogServer.Unreachable(
					what(response) + " answered HTTP " + response.statusCode() + " " + detail(response.body()), null);
		}
	}

	private static String what(HttpResponse<String> response) {
		return response.request().method() + " " + response.uri();
	}

	/** The problem's detail if the body is problem+json, else the body, shortened. */
	private static String detail(String body) {
		try {
			JsonNode detail = JSON.readTree(body).get("detail");
			if (detail != null && detail.isString()) {
				return detail.asString();
			}
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// not JSON: quote the body itself
		}
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

}
