package org.truce.deconfliction.application;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The name of a webhook target is resolved once, and the POST goes to the address that
 * was checked: a name the system cannot resolve at all ({@code .invalid}) still reaches
 * the receiver its checked answer named, with the name as Host; a name that answers a
 * public address and then a private one (DNS rebinding) is asked once per attempt; a name
 * that resolves to a private address among public ones is refused; allow-listed names and
 * blocks pass.
 */
class AWebhookGoesToTheAddressThatWasCheckedTest {

	private HttpServer receiver;

	private final BlockingQueue<String> hosts = new LinkedBlockingQueue<>();

	@BeforeEach
	void aLoopbackReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			this.hosts.add(exchange.getRequestHeaders().getFirst("Host"));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		this.receiver.start();
	}

	@AfterEach
	void stop() {
		this.receiver.stop(0);
	}

	@Test
	void theRequestGoesToTheCheckedAddressWithTheNameAsHost() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		WebhookTargets targets = new WebhookTargets("127.0.0.1/32", host -> {
			lookups.incrementAndGet();
			return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 127, 0, 0, 1 }) };
		});
		int port = this.receiver.getAddress().getPort();

		WebhookTargets.Checked checked = targets.check(URI.create("http://receiver.invalid:" + port + "/hook"));
		int status = WebhookPost.post(checked, Map.of("Content-Type", "application/json"),
				"{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

		assertThat(status).isEqualTo(202);
		assertThat(this.hosts.poll(5, TimeUnit.SECONDS)).isEqualTo("receiver.invalid:" + port);
		assertThat(lookups.get()).as("resolved once, by the check").isEqualTo(1);
	}

	@Test
	void aNameThatRebindsToAPrivateAddressIsRefusedOnTheLookupThatSaysSo() throws Exception {
		AtomicInteger lookups = new AtomicInteger();
		WebhookTargets targets = new WebhookTargets("", host -> lookups.incrementAndGet() == 1
				? new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }) }
				: new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 0, 0, 7 }) });

		WebhookTargets.Checked first = targets.check(URI.create("https://hooks.example/x"));
		assertThat(first.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
		assertThatThrownBy(() -> targets.check(URI.create("https://hooks.example/x")))
			.isInstanceOf(WebhookTargets.Refused.class)
			.hasMessageContaining("a private address");
	}

	@Test
	void aPrivateAddressAmongPublicOnesIsRefused() throws UnknownHostException {
		WebhookTargets targets = new WebhookTargets("", host -> new InetAddress[] {
				InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }),
				InetAddress.getByAddress(host, new byte[] { (byte) 169, (byte) 254, (byte) 169, (byte) 254 }) });
		assertThatThrownBy(() -> targets.check(URI.create("https://hooks.example/x")))
			.isInstanceOf(WebhookTargets.Refused.class)
			.hasMessageContaining("link-local");
	}

	@Test
	void allowListedNamesAndBlocksPassAndOthersDoNot() throws Exception {
		WebhookTargets.Resolver tenDotOne = host -> host.contains(":")
				? new InetAddress[] { InetAddress.getByName(host) }
				: new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 1, 2, 3 }) };
		WebhookTargets byName = new WebhookTargets(" receiver.internal , fd00::/8", tenDotOne);
		WebhookTargets byBlock = new WebhookTargets("10.1.0.0/16", tenDotOne);
		WebhookTargets narrow = new WebhookTargets("10.1.3.0/24", tenDotOne);

		assertThat(byName.check(URI.create("http://RECEIVER.internal/x")).host()).isEqualTo("receiver.internal");
		assertThatThrownBy(() -> byName.check(URI.create("http://other.internal/x")))
			.isInstanceOf(WebhookTargets.Refused.class);
		assertThat(byName.check(URI.create("http://[fd00::5]/x")).addresses()).hasSize(1);
		assertThat(byBlock.check(URI.create("http://other.internal/x")).addresses()).hasSize(1);
		assertThatThrownBy(() -> narrow.check(URI.create("http://other.internal/x")))
			.isInstanceOf(WebhookTargets.Refused.class);
	}

	@Test
	void publicAddressesOfBothFamiliesPass() throws Exception {
		for (String address : List.of("93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")) {
			assertThat(WebhookTargets.nonPublic(InetAddress.getByName(address))).as(address).isNull();
		}
	}

}
