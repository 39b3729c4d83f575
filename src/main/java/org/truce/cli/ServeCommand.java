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
		ConfigurableApplicationContext context = Spring.web(this.store, Map.of("server.port", this.port));
		System.out.println("Truce is serving " + this.store.describe() + " at http://localhost:" + this.port + "/");
		return awaitShutdown(context);
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
