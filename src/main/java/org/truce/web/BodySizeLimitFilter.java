package org.truce.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.truce.shared.ErrorCode;

/**
 * Refuses request bodies over {@code truce.max-body} (default 1 MB) with 413
 * problem+json, whether the size is declared up front or only found while reading a
 * chunked body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	// The mix-in puts the problem's properties (code) at the top level, as the message
	// converters do.
	private final JsonMapper json = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	BodySizeLimitFilter(@Value("${truce.max-body:1MB}") DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(413);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			response.getOutputStream()
				.write(this.json.writeValueAsBytes(Problems.detail(ErrorCode.BODY_TOO_LARGE, message())));
			return;
		}
		chain.doFilter(new Limited(request, this.limit, message()), response);
	}

	private String message() {
		return "The request body is larger than the limit of " + this.limit + " bytes.";
	}

	/** Thrown while reading a body that turns out to exceed the limit. */
	static final class BodyTooLargeException extends IOException {

		BodyTooLargeException(String message) {
			super(message);
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private final String message;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit, String message) {
			super(request);
			this.limit = limit;
			this.message = message;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] buf, int off, int len) throws IOException {
						int n = in.read(buf, off, len);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(long n) throws BodyTooLargeException {
						this.read += n;
						if (this.read > Limited.this.limit) {
							throw new BodyTooLargeException(Limited.this.message);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}
