package org.truce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.ControlMapDocuments;

@Command(name = "control", mixinStandardHelpOptions = true, description = "Load a control map (delineation).",
		subcommands = ControlCommand.Load.class)
class ControlCommand {

	@Command(name = "load", mixinStandardHelpOptions = true,
			description = "Replace the control map named after FILE with the areas in FILE (GeoJSON).")
	static class Load implements Callable<Integer> {

		@Parameters(paramLabel = "FILE")
		Path file;

		@Mixin
		StoreOptions store;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter err = this.spec.commandLine().getErr();
			String text = AgreementCommand.read(this.file, err);
			if (text == null) {
				err.flush();
				return 2;
			}
			ControlMapDocuments.Parsed parsed = new ControlMapDocuments().parse(this.file.toString(), text);
			if (!parsed.ok()) {
				parsed.errors().forEach(err::println);
				err.flush();
				return 1;
			}
			try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
				context.getBean(AgreementCatalogue.class)
					.replaceControlMap(this.file.getFileName().toString(), parsed.areas());
			}
			this.spec.commandLine().getOut().printf("%s: %d control areas loaded%n", this.file, parsed.areas().size());
			this.spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
