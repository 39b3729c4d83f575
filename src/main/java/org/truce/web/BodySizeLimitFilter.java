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
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Refuses request bodies over {@code truce.max-body} (default 1 MB) with 413
 * problem+json, whether the size is declared up front or only found while reading a
 * chunked body. A batch of reports ({@value #BATCH}) may be larger, up to
 * {@code truce.max-batch-body} (default 8 MB). Only a chunked body is counted as it is
 * read; a body with a Content-Length is judged by it (the server reads no more than it
 * declares), and a request without a body costs a header lookup.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

	/** The path of the batch of reports, whose body may be larger than others. */
	static final String BATCH = "/api/reports/batch";

	private final long limit;

	private final long batchLimit;

	private final JsonMapper json;

	BodySizeLimitFilter(@Value("${truce.max-body:1MB}") DataSize limit,
			@Value("${truce.max-batch-body:8MB}") DataSize batchLimit, JsonMapper json) {
		this.limit = limit.toBytes();
		this.batchLimit = batchLimit.toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = BATCH.equals(request.getRequestURI()) ? this.batchLimit : this.limit;
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			refuse(request, response, limit);
			return;
		}
		if (request.getHeader("Transfer-Encoding") == null
				&& (declared >= 0 || request.getProtocol().startsWith("HTTP/1"))) {
			// A body of a declared length (the server reads no more than it declares),
			// or, in HTTP/1, none at all: nothing to count.
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// A filter that reads the body itself (such as the form reader for PUT and
			// DELETE) lets the overflow escape instead of answering it.
			if (!tooLarge(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			refuse(request, response, limit);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		response.setHeader("Connection", "close");
		SecurityHeaders.set(response);
		Problems.write(request, response, this.json, problem(limit));
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	private static Problem problem(long limit) {
		return Problem.keyed(ErrorCode.BODY_TOO_LARGE, null, "limit", limit);
	}

	/** Thrown while reading a body that turns out to exceed the limit. */
	static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super(BodySizeLimitFilter.problem(limit).detail());
			this.limit = limit;
		}

		Problem problem() {
			return BodySizeLimitFilter.problem(this.limit);
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
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
							throw new BodyTooLargeException(Limited.this.limit);
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
