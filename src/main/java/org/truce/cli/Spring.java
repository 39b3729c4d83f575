package org.truce.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.truce.TruceApplication;

/** Starts the application context for a command (and for the benchmarks). */
public final class Spring {

	private Spring() {
	}

	/** A context without a web server, for commands that work on the store and exit. */
	static ConfigurableApplicationContext offline(StoreOptions store) {
		return offline(store, Map.of());
	}

	/** A context without a web server, with extra properties. */
	public static ConfigurableApplicationContext offline(StoreOptions store, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(store.properties());
		properties.put("logging.level.root", "warn");
		properties.put("truce.clustering.background", "false");
		properties.putAll(extra);
		return new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(arguments(properties));
	}

	/** A context serving HTTP. */
	public static ConfigurableApplicationContext web(StoreOptions store, Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>(store.properties());
		properties.putAll(extra);
		return new SpringApplicationBuilder(TruceApplication.class).web(WebApplicationType.SERVLET)
			.run(arguments(properties));
	}

	/**
	 * Properties as command-line arguments, which take precedence over
	 * application.properties.
	 */
	private static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

}
