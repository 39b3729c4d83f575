package org.truce.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Answers errors that never reached a controller (raised by the servlet container) with
 * problem+json too. Not part of the API, so not in its description.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status == null) {
			// Asked for directly, not forwarded by the container: there is nothing here.
			return Problems.of(Problem.with(ErrorCode.NOT_FOUND, null, request.getRequestURI()));
		}
		int code = status instanceof Integer i ? i : 500;
		ErrorCode error = switch (code) {
			case 400 -> ErrorCode.MALFORMED_JSON;
			case 404 -> ErrorCode.NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.BODY_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			default -> ErrorCode.INTERNAL;
		};
		return Problems.of(Problem.with(error, null, uri));
	}

}
