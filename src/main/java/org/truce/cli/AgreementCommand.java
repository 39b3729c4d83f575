package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.DocumentError;
import org.truce.scenario.application.Scenario;

@Command(name = "agreement", mixinStandardHelpOptions = true, description = "Check and load agreement documents.",
		subcommands = { AgreementCommand.Check.class, AgreementCommand.Load.class })
class AgreementCommand {

	@Command(name = "check", mixinStandardHelpOptions = true,
			description = "Validate agreement documents. Exit 0 when all are valid, 1 with located errors when not.")
	static class Check implements Callable<Integer> {

		@Parameters(arity = "1..*", paramLabel = "FILE", description = "Agreement documents (YAML).")
		List<Path> files;

		@Mixin
		ScenarioOption scenario;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			AgreementDocuments documents = new AgreementDocuments(
					new ScenarioBoundaryLookup(Scenario.read(this.scenario.location()).geography()));
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			int invalid = 0;
			Map<Path, String> texts = new java.util.LinkedHashMap<>();
			for (Path file : this.files) {
				String text = read(file, err);
				if (text == null) {
					invalid++;
				}
				else {
					texts.put(file, text);
				}
			}
			// An amendment is checked against the version it amends among the files
			// given.
			AgreementDocuments.EarlierVersions earlier = AgreementDocuments.EarlierVersions.among(texts.values());
			for (Map.Entry<Path, String> entry : texts.entrySet()) {
				Path file = entry.getKey();
				AgreementDocuments.Parsed parsed = documents.parse(file.toString(),
						new java.io.StringReader(entry.getValue()), earlier);
				if (parsed.ok()) {
					out.printf("%s: valid: %s v%d, %d terms, %d zones%n", file, parsed.agreement().id(),
							parsed.agreement().version(), parsed.agreement().terms().size(),
							parsed.agreement().zones().size());
				}
				else {
					invalid++;
					parsed.errors().forEach(e -> err.println(e));
				}
			}
			out.flush();
			err.flush();
			return invalid == 0 ? 0 : 1;
		}

	}

	@Command(name = "load", mixinStandardHelpOptions = true,
			description = "Validate agreement documents and store each as a new version.")
	static class Load implements Callable<Integer> {

		@Parameters(arity = "1..*", paramLabel = "FILE", description = "Agreement documents (YAML).")
		List<Path> files;

		@Mixin
		StoreOptions store;

		@Mixin
		ScenarioOption scenario;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = this.spec.commandLine().getOut();
			PrintWriter err = this.spec.commandLine().getErr();
			int failed = 0;
			try (ConfigurableApplicationContext context = Spring.offline(this.store,
					Map.of("truce.scenario", this.scenario.location()))) {
				AgreementCatalogue catalogue = context.getBean(AgreementCatalogue.class);
				List<Map.Entry<String, String>> documents = new java.util.ArrayList<>();
				for (Path file : this.files) {
					String text = read(file, err);
					if (text == null) {
						failed++;
					}
					else {
						documents.add(Map.entry(file.getFileName().toString(), text));
					}
				}
				// Each version after the one it amends, whatever the order given.
				for (AgreementCatalogue.Loaded loaded : catalogue.loadAll(documents)) {
					if (!loaded.errors().isEmpty()) {
						failed++;
						loaded.errors().forEach((DocumentError e) -> err.println(e));
					}
					else {
						out.printf("%s: %s v%d %s%n", loaded.fileName(), loaded.agreement().id(),
								loaded.agreement().version(), loaded.stored() ? "stored" : "already stored, unchanged");
					}
				}
			}
			out.flush();
			err.flush();
			return failed == 0 ? 0 : 1;
		}

	}

	static String read(Path file, PrintWriter err) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			err.println(file + ": cannot read: " + ex.getMessage());
			return null;
		}
	}

}
