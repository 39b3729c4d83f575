package org.truce.cli;

import java.nio.file.Path;

import org.truce.scenario.application.Scenario;
import picocli.CommandLine.Option;

/** Which scenario a command works with. */
class ScenarioOption {

	@Option(names = "--scenario", paramLabel = "DIR",
			description = "The scenario's folder, described by its scenario.yaml (default: the Syria 2016 demo"
					+ " shipped in the jar).")
	Path dir;

	/** The scenario's folder as a resource location. */
	String location() {
		return this.dir == null ? Scenario.DEMO : this.dir.toAbsolutePath().toUri().toString();
	}

}
