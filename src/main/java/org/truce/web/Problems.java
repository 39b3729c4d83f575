package org.truce.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.ProblemText;

/**
 * Builds RFC 9457 problem details. Every problem carries the members {@code code}
 * (stable, from {@link ErrorCode}) and, when one applies, {@code field}; several problems
 * are listed under {@code errors}. The {@code type} URI names the code, so clients may
 * switch on either.
 * <p>
 * The {@code title} and every {@code detail} are written in the request's language
 * (English, Arabic or Russian, {@link ProblemText}), which {@code Content-Language}
 * names; the other members are the same in every language.
 */
public final class Problems {

	private Problems() {
	}

	public static ResponseEntity<ProblemDetail> of(List<Problem> problems) {
		Locale language = language();
		Problem first = problems.get(0);
		ProblemDetail body = detail(first.code(), first.detail(language), language);
		if (first.field() != null) {
			body.setProperty("field", first.field());
		}
		if (problems.size() > 1 || first.field() != null) {
			body.setProperty("errors", problems.stream().map(p -> entry(p, language)).toList());
		}
		// Content-Language is said once for every answer, by the first filter
		// (LocaleConfiguration), in this same language
		return ResponseEntity.status(first.code().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	public static ResponseEntity<ProblemDetail> of(Problem problem) {
		return of(List.of(problem));
	}

	/**
	 * The language problems are written in for the current request: the one its locale
	 * names when Truce speaks it, English otherwise.
	 */
	public static Locale language() {
		return ProblemText.language(LocaleContextHolder.getLocale());
	}

	/**
	 * The language for a request that a filter or the container answers, maybe before
	 * Spring knows the request's locale: then the one its Accept-Language names, and
	 * English without one (not the server's own locale).
	 */
	static Locale language(HttpServletRequest request) {
		if (LocaleContextHolder.getLocaleContext() != null) {
			return language();
		}
		return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Locale.ENGLISH
				: ProblemText.language(request.getLocale());
	}

	/** A problem's members, with its detail in {@code language}, without its field. */
	static ProblemDetail detail(ErrorCode code, String detail, Locale language) {
		HttpStatus status = HttpStatus.valueOf(code.status());
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create("https://truce.invalid/problems/" + code.name().toLowerCase().replace('_', '-')));
		body.setTitle(ProblemText.title(code.status(), language));
		body.setProperty("code", code.name());
		return body;
	}

	/**
	 * Writes a problem straight to a servlet response, in the request's language, for
	 * filters that answer before any controller runs.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, Problem problem)
			throws IOException {
		Locale language = language(request);
		ProblemDetail body = detail(problem.code(), problem.detail(language), language);
		if (problem.field() != null) {
			body.setProperty("field", problem.field());
		}
		body.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.code().status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

	private static Map<String, Object> entry(Problem p, Locale language) {
		String detail = p.detail(language);
		return p.field() == null ? Map.of("code", p.code().name(), "detail", detail)
				: Map.of("code", p.code().name(), "field", p.field(), "detail", detail);
	}

}
