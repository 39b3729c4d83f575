package org.truce.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader who closes a page with an open alert stream leaves the server writing to a
 * closed connection. That is handled as a client gone, not as an unexpected error (which
 * would log a stack trace at ERROR for each page left).
 */
class AClientThatLeavesIsNoErrorTest {

	private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemHandler.class);

	@Test
	void aClosedConnectionIsAClientGone() {
		var gone = new AsyncRequestNotUsableException("Servlet container error notification for disconnected client",
				new IOException("Broken pipe"));
		assertThat(this.handlers.resolveMethodByThrowable(gone).getName()).isEqualTo("clientGone");
	}

	@Test
	void anyOtherFailureIsStillUnexpected() {
		assertThat(this.handlers.resolveMethodByThrowable(new IllegalStateException("boom")).getName())
			.isEqualTo("unexpected");
	}

}
