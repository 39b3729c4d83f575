package org.truce.web;

import java.io.IOException;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * Requests that Tomcat refuses before the application sees them (headers or a request
 * line over the size limit, a path with an encoded slash or a NUL character, a version
 * other than HTTP/1.x) are answered with problem+json and the security headers too,
 * instead of Tomcat's HTML error page.
 */
@Component
class ContainerProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

	private final JsonMapper json;

	ContainerProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		// The context is already a child of its host, which has not started yet: the host
		// then keeps this valve instead of adding its own.
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				host.getPipeline().addValve(new ProblemReportValve(this.json));
			}
		});
	}

	/**
	 * Writes the error of a request that nothing else answered as problem+json. A request
	 * the application answered already has its body and is left alone.
	 */
	static final class ProblemReportValve extends ErrorReportValve {

		private final JsonMapper json;

		ProblemReportValve(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			// Tomcat answers 505 to a request line with another HTTP version.
			ErrorCode code = status == 404 ? ErrorCode.NOT_FOUND : status == 413 ? ErrorCode.BODY_TOO_LARGE
					: status < 500 || status == 505 ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL;
			try {
				response.setStatus(code.status());
				SecurityHeaders.set(response);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				Problem problem = code == ErrorCode.NOT_FOUND ? Problem.keyed(code, null, "thisPath")
						: Problem.with(code, null);
				Locale language = Problems.language(request);
				response.setHeader(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
				response.getOutputStream()
					.write(this.json.writeValueAsBytes(Problems.detail(code, problem.detail(language), language)));
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone, or the response was already being written: nothing
				// more can be sent.
			}
		}

	}

}
