package org.truce.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce serve} and {@code truce demo} take {@code --address} and
 * {@code --behind-proxy}, and refuse an address beyond the loopback interface without TLS
 * or a proxy, saying how to fix it, before they touch the store.
 */
class ServingBeyondLoopbackNeedsTlsOrAProxyTest {

	@TempDir
	Path data;

	@Test
	void serveOnEveryInterfaceWithoutTlsOrProxyExitsWithTheFix() {
		CommandLineRun run = CommandLineRun.truce("serve", "--data", this.data.toString(), "--port", "0", "--address",
				"0.0.0.0");
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.err())
			.contains("truce: Truce refuses to listen on 0.0.0.0 (every network interface) without TLS")
			.contains("--behind-proxy");
		assertThat(this.data.resolve("truce.db")).doesNotExist();
	}

	@Test
	void demoOnAnIpv6WildcardIsRefusedToo() {
		CommandLineRun run = CommandLineRun.truce("demo", "--data", this.data.toString(), "--port", "0", "--address",
				"::");
		assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
		assertThat(run.err()).contains("refuses to listen on :: (every network interface)");
		assertThat(run.out()).doesNotContain("Loading the");
	}

	@Test
	void theOptionsAreDocumented() {
		CommandLineRun run = CommandLineRun.truce("serve", "--help");
		assertThat(run.out()).contains("--address=ADDR").contains("--behind-proxy").contains("127.0.0.1");
	}

}
