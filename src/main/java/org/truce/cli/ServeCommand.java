package org.truce.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.truce.web.ListeningAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serve the record over HTTP: the map at /, the API under /api.")
class ServeCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Mixin
	ServerOptions server;

	@Override
	public Integer call() {
		ConfigurableApplicationContext context = start(this.store, this.server);
		if (context == null) {
			return 1;
		}
		announce(this.store, context);
		return awaitShutdown(context);
	}

	/**
	 * Starts the web application on the store, where the options say; null when it
	 * refused to listen there (the reason is printed).
	 */
	static ConfigurableApplicationContext start(StoreOptions store, ServerOptions server) {
		try {
			return Spring.web(store, server.properties());
		}
		catch (ListeningAddress.Refused ex) {
			System.err.println("truce: " + ex.getMessage());
			return null;
		}
	}

	static void announce(StoreOptions store, ConfigurableApplicationContext context) {
		Environment environment = context.getEnvironment();
		String port = environment.getProperty("local.server.port");
		String address = environment.getProperty("server.address", "").strip();
		String scheme = ListeningAddress.tls(environment) ? "https" : "http";
		String where = address.equals("127.0.0.1") || address.equals("localhost")
				? scheme + "://localhost:" + port + "/"
				: scheme + " port " + port + " on " + (address.isEmpty() ? "every network interface" : address)
						+ (ListeningAddress.behindProxy(environment) ? ", behind a proxy" : "");
		System.out.println("Truce is serving " + store.describe() + " at " + where);
	}

	static int awaitShutdown(ConfigurableApplicationContext context) {
		Object lock = new Object();
		context.addApplicationListener(event -> {
			if (event instanceof org.springframework.context.event.ContextClosedEvent) {
				synchronized (lock) {
					lock.notifyAll();
				}
			}
		});
		synchronized (lock) {
			while (context.isActive()) {
				try {
					lock.wait(1000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		return 0;
	}

}
