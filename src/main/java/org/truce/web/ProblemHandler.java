package org.truce.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.StoreUnavailableException;

/** Turns every failure of a request into problem+json with a stable code. */
@RestControllerAdvice
class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(RejectedException.class)
	ResponseEntity<ProblemDetail> rejected(RejectedException ex) {
		return Problems.of(ex.problems());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
				return Problems.of(((BodySizeLimitFilter.BodyTooLargeException) cause).problem());
			}
			if (cause instanceof UnrecognizedPropertyException unknown) {
				String field = path(unknown);
				return Problems.of(Problem.of(ErrorCode.UNKNOWN_FIELD, field));
			}
			if (cause instanceof StreamReadException read) {
				return Problems.of(Problem.with(ErrorCode.MALFORMED_JSON, null, read.getOriginalMessage()));
			}
			if (cause instanceof InvalidFormatException format && format.getTargetType() != null
					&& format.getTargetType().isEnum()) {
				String field = path(format);
				String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants())
					.map(String::valueOf)
					.collect(Collectors.joining(", "));
				return Problems.of(Problem.keyed(ErrorCode.UNKNOWN_ENUM_VALUE, field, "oneOf", field, allowed));
			}
			if (cause instanceof MismatchedInputException trailing
					&& String.valueOf(trailing.getOriginalMessage()).startsWith("Trailing token")) {
				// More than one JSON value in the body: a syntax error, not a type error.
				return Problems.of(Problem.keyed(ErrorCode.MALFORMED_JSON, null, "trailing"));
			}
			if (cause instanceof DatabindException bind) {
				String field = path(bind);
				return Problems.of(Problem.of(ErrorCode.WRONG_TYPE, field));
			}
			cause = cause.getCause();
		}
		return Problems.of(Problem.keyed(ErrorCode.MALFORMED_JSON, null, "unreadable"));
	}

	private static String path(DatabindException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining());
		return path.startsWith(".") ? path.substring(1) : path.isEmpty() ? "(body)" : path;
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return Problems.of(Problem.with(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type"));
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return Problems.of(Problem.with(ErrorCode.NOT_ACCEPTABLE, "Accept"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return Problems.of(Problem.keyed(ErrorCode.METHOD_NOT_ALLOWED, null, "allowed", ex.getMethod(),
				ex.getSupportedHttpMethods()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex, HttpServletRequest request) {
		return Problems.of(Problem.with(ErrorCode.NOT_FOUND, null, request.getRequestURI()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> argumentType(MethodArgumentTypeMismatchException ex) {
		return Problems.of(Problem.of(ErrorCode.INVALID_QUERY, ex.getName()));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return Problems.of(Problem.of(ErrorCode.FIELD_REQUIRED, ex.getParameterName()));
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		return Problems.of(Problem.of(ErrorCode.FIELD_REQUIRED, ex.getHeaderName()));
	}

	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException ex) {
		log.warn("store unavailable: {}", String.valueOf(ex.getCause()));
		return Problems.of(Problem.with(ErrorCode.STORE_UNAVAILABLE, null));
	}

	/**
	 * The client went away while a response was being written, most often a page with an
	 * open alert stream that was closed or left. Nobody is left to answer, and nothing
	 * failed on our side: it is not logged as an error.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex) {
		log.debug("client gone: {}", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("unexpected error", ex);
		return Problems.of(Problem.with(ErrorCode.INTERNAL, null));
	}

}
