package org.truce.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.web.ListeningAddress;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a command that serves HTTP listens, and the scenario whose map it shows. */
class ServerOptions {

	@Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--address", paramLabel = "ADDR",
			description = "The address to listen on (default: 127.0.0.1, the loopback interface only). Any other"
					+ " address, such as 0.0.0.0 for every interface, needs TLS (server.ssl.* properties) or"
					+ " --behind-proxy.")
	String address;

	@Option(names = "--behind-proxy",
			description = "A reverse proxy that terminates TLS is in front: take the client's address and scheme"
					+ " from X-Forwarded-For and X-Forwarded-Proto, and allow a non-loopback --address.")
	boolean behindProxy;

	@Mixin
	ScenarioOption scenario;

	Map<String, Object> properties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("server.port", this.port);
		if (this.address != null) {
			p.put("server.address", this.address);
		}
		if (this.behindProxy) {
			p.put(ListeningAddress.BEHIND_PROXY, true);
		}
		p.put("truce.scenario", this.scenario.location());
		return p;
	}

}
