package org.truce.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Builds RFC 9457 problem details. Every problem carries the members {@code code}
 * (stable, from {@link ErrorCode}) and, when one applies, {@code field}; several problems
 * are listed under {@code errors}. The {@code type} URI names the code, so clients may
 * switch on either.
 */
public final class Problems {

	private Problems() {
	}

	public static ResponseEntity<ProblemDetail> of(List<Problem> problems) {
		Problem first = problems.get(0);
		ProblemDetail body = detail(first.code(), first.detail());
		if (first.field() != null) {
			body.setProperty("field", first.field());
		}
		if (problems.size() > 1 || first.field() != null) {
			body.setProperty("errors", problems.stream().map(Problems::entry).toList());
		}
		return ResponseEntity.status(first.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	public static ResponseEntity<ProblemDetail> of(ErrorCode code, String field, String detail) {
		return of(List.of(new Problem(code, field, detail)));
	}

	public static ProblemDetail detail(ErrorCode code, String detail) {
		HttpStatus status = HttpStatus.valueOf(code.status());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("https://truce.invalid/problems/" + code.name().toLowerCase().replace('_', '-')));
		body.setTitle(status.getReasonPhrase());
		body.setProperty("code", code.name());
		return body;
	}

	/**
	 * Writes a problem straight to a servlet response, for filters that answer before any
	 * controller runs.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, ErrorCode code,
			String field, String detail) throws IOException {
		ProblemDetail body = detail(code, detail);
		if (field != null) {
			body.setProperty("field", field);
		}
		body.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

	private static Map<String, Object> entry(Problem p) {
		return p.field() == null ? Map.of("code", p.code().name(), "detail", p.detail())
				: Map.of("code", p.code().name(), "field", p.field(), "detail", p.detail());
	}

}
