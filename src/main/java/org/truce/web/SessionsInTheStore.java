package org.truce.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * On PostgreSQL, the signed-in sessions (with their CSRF tokens and saved requests) live
 * in the store ({@code spring_session}, Spring Session JDBC), so that several instances
 * behind one proxy serve one session: signed in through one, signed in on all; signed out
 * through one, signed out on all. The cookie is the one the servlet container would set
 * ({@code JSESSIONID}, HttpOnly, SameSite=Lax, Secure when the request came over TLS,
 * directly or through a trusted proxy), and a session expires after
 * {@code server.servlet.session.timeout} without a request (30 minutes by default).
 *
 * <p>
 * The embedded SQLite store serves one instance: its sessions stay in the container's
 * memory, which costs no write to the one SQLite writer on every request. Each instance
 * deletes the expired sessions once a minute (Spring Session's own schedule; deleting
 * twice deletes nothing more).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("!'${truce.db:}'.isBlank()")
@EnableJdbcHttpSession
class SessionsInTheStore {

	static final String COOKIE = "JSESSIONID";

	@Bean
	CookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(COOKIE);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		cookie.setUseBase64Encoding(false);
		return cookie;
	}

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}

}
