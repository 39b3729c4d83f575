package org.truce.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = "Serve the record over HTTP: the map at /, the API under /api.")
class ServeCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
	int port;

	@Override
	public Integer call() {
		ConfigurableApplicationContext context = start(this.store, this.port);
		announce(this.store, this.port);
		return awaitShutdown(context);
	}

	/** Starts the web application on the store and port. */
	static ConfigurableApplicationContext start(StoreOptions store, int port) {
		return Spring.web(store, Map.of("server.port", port));
	}

	static void announce(StoreOptions store, int port) {
		System.out.println("Truce is serving " + store.describe() + " at http://localhost:" + port + "/");
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
