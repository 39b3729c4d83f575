package org.truce.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/** The options every command takes to choose its store. */
public class StoreOptions {

	@Option(names = "--data", paramLabel = "DIR",
			description = "Directory of the embedded SQLite store (default: ${DEFAULT-VALUE}).",
			defaultValue = "truce-data")
	Path data;

	@Option(names = "--db", paramLabel = "URL",
			description = "A jdbc:postgresql:// URL; PostgreSQL + PostGIS instead of the embedded store.")
	String db;

	/**
	 * The options of a command line that gave {@code --data data}, and {@code --db db}
	 * unless it is null.
	 */
	public static StoreOptions of(Path data, String db) {
		StoreOptions options = new StoreOptions();
		options.data = data;
		options.db = db;
		return options;
	}

	Map<String, Object> properties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("truce.data", this.data.toString());
		if (this.db != null) {
			p.put("truce.db", this.db);
		}
		return p;
	}

	String describe() {
		return this.db != null ? "PostgreSQL " + this.db.replaceAll("password=[^&]*", "password=***")
				: "embedded store " + this.data.toAbsolutePath().resolve("truce.db");
	}

}
