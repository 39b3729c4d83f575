package org.truce.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.truce.TruceApplication;
import org.truce.testing.ProcessTest;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server listens on 127.0.0.1 by default, and refuses to start on any other address
 * (0.0.0.0, ::, a public address, or none set, which means every interface) unless TLS is
 * configured or a TLS-terminating proxy is declared with {@code truce.behind-proxy=true};
 * behind a proxy, Tomcat takes the client's scheme and address from the forwarded
 * headers.
 */
@SlowTest
class ListeningOnlyOnLoopbackUnlessProtectedTest {

	@TempDir
	Path data;

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void everyInterfaceWithoutTlsIsRefusedWithAMessageNamingTheFix() {
		assertThatThrownBy(() -> start(Map.of("server.address", "0.0.0.0")))
			.isInstanceOf(ListeningAddress.Refused.class)
			.hasMessageContaining("refuses to listen on 0.0.0.0 (every network interface) without TLS")
			.hasMessageContaining("--address 127.0.0.1")
			.hasMessageContaining("server.ssl.key-store")
			.hasMessageContaining("--behind-proxy (truce.behind-proxy=true)");
		assertThat(this.data.resolve("truce.db")).as("refused before the store is opened").doesNotExist();
	}

	@Test
	void anyNonLoopbackAddressOrNoneAtAllIsRefused() {
		for (String address : List.of("0.0.0.0", "::", "192.0.2.10", "")) {
			assertThat(refusal(Map.of("server.address", address))).as("server.address=%s", address).isPresent();
		}
		assertThat(refusal(Map.of("server.address", "0.0.0.0", "server.ssl.enabled", "false", "server.ssl.key-store",
				"classpath:keys.p12")))
			.as("a key store with TLS disabled")
			.isPresent();
		assertThat(refusal(Map.of("server.address", "127.0.0.1", "management.server.port", "9090",
				"management.server.address", "0.0.0.0")))
			.as("a management server on every interface")
			.hasValueSatisfying(r -> assertThat(r).hasMessageContaining("management.server.ssl.key-store"));
	}

	@Test
	void loopbackAddressesTlsOrAProxyAreAllowed() {
		for (String address : List.of("127.0.0.1", "localhost", "::1", "127.0.0.2")) {
			assertThat(refusal(Map.of("server.address", address))).as("server.address=%s", address).isEmpty();
		}
		assertThat(refusal(Map.of("server.address", "0.0.0.0", "server.ssl.key-store", "classpath:keys.p12")))
			.isEmpty();
		assertThat(refusal(Map.of("server.address", "0.0.0.0", "server.ssl.bundle", "web"))).isEmpty();
		assertThat(refusal(Map.of("server.address", "::", "truce.behind-proxy", "true"))).isEmpty();
	}

	@Test
	void byDefaultItListensOnTheLoopbackInterfaceOnly() throws Exception {
		ConfigurableApplicationContext context = start(Map.of());
		int port = port(context);
		assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
		assertThat(reachable(InetAddress.getLoopbackAddress(), port)).isTrue();
		Optional<InetAddress> external = nonLoopbackAddress();
		external.ifPresent(address -> assertThat(reachable(address, port))
			.as("port %d on %s, a non-loopback address of this machine", port, address)
			.isFalse());
	}

	@Test
	void behindAProxyItStartsOnEveryInterfaceAndTrustsTheForwardedScheme() throws Exception {
		ConfigurableApplicationContext context = start(
				Map.of("server.address", "0.0.0.0", "truce.behind-proxy", "true"));
		assertThat(context.getEnvironment().getProperty("server.forward-headers-strategy")).isEqualTo("native");
		HttpClient client = HttpClient.newHttpClient();
		URI signIn = URI.create("http://127.0.0.1:" + port(context) + "/login");

		HttpResponse<String> overHttps = client.send(
				HttpRequest.newBuilder(signIn).header("X-Forwarded-Proto", "https").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(overHttps.statusCode()).isEqualTo(200);
		assertThat(overHttps.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").containsIgnoringCase("; Secure"));

		HttpResponse<String> overHttp = client.send(HttpRequest.newBuilder(signIn).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(overHttp.headers().allValues("Set-Cookie"))
			.allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void withoutAProxyForwardedHeadersAreNotBelieved() throws Exception {
		ConfigurableApplicationContext context = start(Map.of("truce.security.token.address-failures", "2"));
		HttpClient client = HttpClient.newHttpClient();
		URI me = URI.create("http://127.0.0.1:" + port(context) + "/api/me");
		List<Integer> statuses = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			statuses.add(
					client
						.send(HttpRequest.newBuilder(me)
							.header("Authorization", "Bearer truce_guess-" + i)
							.header("X-Forwarded-For", "203.0.113." + i)
							.build(), HttpResponse.BodyHandlers.ofString())
						.statusCode());
		}
		assertThat(statuses).as("a client cannot pose as other addresses to dodge the limit")
			.containsExactly(401, 401, 429);

		HttpResponse<String> signIn = client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context) + "/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
	}

	@ProcessTest
	@Test
	void withTlsItStartsOnEveryInterfaceAndServesHttps() throws Exception {
		Path keyStore = selfSignedKeyStore();
		ConfigurableApplicationContext context = start(Map.of("server.address", "0.0.0.0", "server.ssl.enabled", "true",
				"server.ssl.key-store", keyStore.toString(), "server.ssl.key-store-password", "changeit",
				"server.ssl.key-store-type", "PKCS12"));
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			trusted.load(in, "changeit".toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		HttpResponse<String> health = HttpClient.newBuilder()
			.sslContext(tls)
			.build()
			.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port(context) + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
	}

	private ConfigurableApplicationContext start(Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("truce.data", this.data.toString());
		all.put("server.port", "0");
		all.put("logging.level.root", "warn");
		all.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TruceApplication.class)
			.web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run(all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
		this.started.add(context);
		return context;
	}

	private static Optional<ListeningAddress.Refused> refusal(Map<String, String> properties) {
		return ListeningAddress.refusal(new Binder(new MapConfigurationPropertySource(properties)));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static boolean reachable(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** An IPv4 address of this machine that is not loopback, if it has one. */
	private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (!nic.isUp() || nic.isLoopback()) {
				continue;
			}
			for (InetAddress address : Collections.list(nic.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					return Optional.of(address);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * A PKCS#12 key store with a self-signed certificate for 127.0.0.1, made by keytool.
	 */
	private Path selfSignedKeyStore() throws Exception {
		Path keyStore = this.data.resolve("server.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "truce", "-keyalg", "EC",
				"-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
				"-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass",
				"changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		return keyStore;
	}

}
