package org.truce.report.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.truce.report.model.ReportDraft;
import org.truce.shared.Sha256;

/**
 * Keeps the SHA-256 of a submitted report's body, exactly as it arrived, in the request
 * attribute {@link #ATTRIBUTE}, where {@link ReportController} finds it for idempotency:
 * a replay is the same key with the same bytes. The body (at most the size the
 * {@code BodySizeLimitFilter} allows) is read into memory once, digested, and handed to
 * Jackson from there.
 */
@ControllerAdvice(assignableTypes = ReportController.class)
class RawBodyDigest extends RequestBodyAdviceAdapter {

	static final String ATTRIBUTE = RawBodyDigest.class.getName() + ".sha256";

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType == ReportDraft.class;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body;
		try (InputStream in = input.getBody()) {
			body = in.readAllBytes();
		}
		RequestContextHolder.currentRequestAttributes()
			.setAttribute(ATTRIBUTE, Sha256.hex(body), RequestAttributes.SCOPE_REQUEST);
		HttpHeaders headers = input.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

}
