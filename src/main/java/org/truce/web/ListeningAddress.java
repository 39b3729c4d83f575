package org.truce.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.Ssl;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The rule for where the web server listens: on the loopback interface (127.0.0.1, the
 * default in application.properties) it may always listen; on any other address, or on
 * every interface ({@code server.address} unset, {@code 0.0.0.0}, {@code ::}), only with
 * TLS configured ({@code server.ssl.*} with a key store, certificate or bundle) or behind
 * a reverse proxy that terminates TLS ({@code truce.behind-proxy=true}). Otherwise the
 * application refuses to start, with {@link Refused} naming the fix. The same rule holds
 * for a separate management server ({@code management.server.port}).
 * <p>
 * {@code truce.behind-proxy=true} also sets
 * {@code server.forward-headers-strategy=native}: Tomcat then takes the client's address
 * and scheme from {@code X-Forwarded-For} and {@code X-Forwarded-Proto} sent by a proxy
 * on an internal address (Tomcat's {@code RemoteIpValve} defaults: loopback and private
 * ranges), so that rate limits count per client and session cookies get {@code Secure}
 * when the client used https.
 * <p>
 * Runs as soon as the environment is prepared (after logging is set up, before any bean
 * exists), for every application with a web server: {@code truce serve}, {@code truce
 * demo} and {@code java -jar} with properties alike.
 */
public final class ListeningAddress implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** The property that says a TLS-terminating reverse proxy is in front. */
	public static final String BEHIND_PROXY = "truce.behind-proxy";

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.NONE) {
			return;
		}
		ConfigurableEnvironment environment = event.getEnvironment();
		Binder binder = Binder.get(environment);
		if (behindProxy(binder)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(BEHIND_PROXY, Map.of("server.forward-headers-strategy", "native")));
		}
		Optional<Refused> refusal = refusal(binder);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
	}

	/** Why the configured server may not start, or empty when it may. */
	static Optional<Refused> refusal(Binder binder) {
		if (behindProxy(binder)) {
			return Optional.empty();
		}
		Optional<Refused> server = refusal("server", binder);
		if (server.isPresent()) {
			return server;
		}
		Integer managementPort = binder.bind("management.server.port", Integer.class).orElse(null);
		Integer serverPort = binder.bind("server.port", Integer.class).orElse(8080);
		if (managementPort != null && managementPort >= 0 && !managementPort.equals(serverPort)) {
			return refusal("management.server", binder);
		}
		return Optional.empty();
	}

	private static Optional<Refused> refusal(String prefix, Binder binder) {
		String address = binder.bind(prefix + ".address", String.class).orElse(null);
		String exposed = exposure(address);
		if (exposed == null || tls(binder.bind(prefix + ".ssl", Ssl.class).orElse(null))) {
			return Optional.empty();
		}
		return Optional.of(new Refused(
				"Truce refuses to listen on " + exposed + " without TLS: passwords, session"
						+ " cookies and API tokens would cross the network in clear text.",
				"Listen on the loopback interface only (--address 127.0.0.1, or " + prefix
						+ ".address=127.0.0.1), or configure TLS (" + prefix + ".ssl.enabled=true with " + prefix
						+ ".ssl.key-store, " + prefix + ".ssl.certificate or " + prefix + ".ssl.bundle), or, behind"
						+ " a reverse proxy that terminates TLS, pass --behind-proxy (" + BEHIND_PROXY + "=true)."));
	}

	/**
	 * What a non-loopback address exposes, as said to the operator; null for a loopback
	 * address.
	 */
	private static String exposure(String address) {
		if (!StringUtils.hasText(address)) {
			return "every network interface (no server address is set)";
		}
		try {
			InetAddress resolved = InetAddress.getByName(address.strip());
			if (resolved.isLoopbackAddress()) {
				return null;
			}
			return resolved.isAnyLocalAddress() ? address.strip() + " (every network interface)" : address.strip();
		}
		catch (UnknownHostException ex) {
			return address.strip() + " (an address that does not resolve)";
		}
	}

	/** TLS as Spring Boot applies it: enabled, with something to serve as the key. */
	private static boolean tls(Ssl ssl) {
		return ssl != null && ssl.isEnabled() && (StringUtils.hasText(ssl.getKeyStore())
				|| StringUtils.hasText(ssl.getCertificate()) || StringUtils.hasText(ssl.getBundle()));
	}

	private static boolean behindProxy(Binder binder) {
		return binder.bind(BEHIND_PROXY, Boolean.class).orElse(false);
	}

	/** Whether the environment says a TLS-terminating proxy is in front. */
	public static boolean behindProxy(Environment environment) {
		return behindProxy(Binder.get(environment));
	}

	/** Whether the environment configures TLS for the web server. */
	public static boolean tls(Environment environment) {
		return tls(Binder.get(environment).bind("server.ssl", Ssl.class).orElse(null));
	}

	/**
	 * The server would listen beyond the loopback interface unprotected: what is wrong,
	 * and how to fix it.
	 */
	public static final class Refused extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final String description;

		private final String action;

		Refused(String description, String action) {
			super(description + " " + action);
			this.description = description;
			this.action = action;
		}

	}

	/**
	 * Reports a refusal as Spring Boot reports a failed start, with the fix and without a
	 * stack trace.
	 */
	static final class RefusalReport extends AbstractFailureAnalyzer<Refused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, Refused cause) {
			return new FailureAnalysis(cause.description, cause.action, cause);
		}

	}

}
