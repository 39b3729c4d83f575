package org.truce.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.truce.cli.Spring;
import org.truce.cli.StoreOptions;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;

/**
 * A Truce server that a benchmark loads over HTTP: on a free port of 127.0.0.1, logging
 * only errors, with no per-token allowance (the clients share one token), and with the
 * benchmark's source ({@link BenchCommand#SOURCE}) recorded.
 * <p>
 * Its background work runs as in a deployed server, whatever configuration the class
 * path holds: the tests' own configuration turns clustering off, and a benchmark run from
 * a test would otherwise wait for a backlog that nothing drains.
 */
record BenchServer(ConfigurableApplicationContext context, URI base) implements AutoCloseable {

	static BenchServer start(StoreOptions store, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", 0);
		properties.put("server.address", "127.0.0.1");
		properties.put("logging.level.root", "error");
		properties.put("truce.security.token.requests-per-second", 0);
		properties.put("truce.clustering.background", true);
		properties.putAll(extra);
		ConfigurableApplicationContext context = Spring.web(store, properties);
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			context.getBean(Sources.class)
				.save(new Source(BenchCommand.SOURCE, "Benchmark clients", SourceKind.MONITOR, Reliability.F));
			return new BenchServer(context, URI.create("http://127.0.0.1:" + port));
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	int port() {
		return this.base.getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
