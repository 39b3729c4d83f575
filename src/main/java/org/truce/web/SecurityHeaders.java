package org.truce.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer. Spring Security's header writer sets them (see
 * {@code SecurityConfiguration}); {@link #set} is for the few answers written before its
 * filter runs.
 */
public final class SecurityHeaders {

	/**
	 * The Content Security Policy: only the app's own scripts, styles, images and
	 * connections; no frames of this app anywhere; forms post only to the app.
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
			+ " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
			+ " form-action 'self'; frame-ancestors 'none'";

	/**
	 * The policy of Swagger UI's pages, under {@code /swagger-ui/}: the same but for
	 * inline styles, because Swagger UI's script adds a {@code <style>} element of its
	 * own when it starts. Those pages show only the API description, never the record,
	 * and scripts stay limited to the app's own files.
	 */
	public static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';",
			"style-src 'self' 'unsafe-inline';");

	private SecurityHeaders() {
	}

	/** Sets the headers Spring Security's writer would set on a page or problem. */
	public static void set(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-store");
	}

}
