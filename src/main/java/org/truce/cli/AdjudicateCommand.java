package org.truce.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.truce.adjudication.application.AdjudicatingIncidents;

@Command(name = "adjudicate", mixinStandardHelpOptions = true,
		description = "(Re)compute the findings of every incident in the record against every term in force.")
class AdjudicateCommand implements Callable<Integer> {

	@Option(names = "--agreement", paramLabel = "ID", description = "Only this agreement (default: all).")
	String agreement;

	@Mixin
	StoreOptions store;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
			AdjudicatingIncidents adjudicating = context.getBean(AdjudicatingIncidents.class);
			List<AdjudicatingIncidents.Summary> summaries;
			try {
				summaries = this.agreement == null ? adjudicating.all()
						: List.of(adjudicating.agreement(this.agreement));
			}
			catch (IllegalArgumentException ex) {
				this.spec.commandLine().getErr().println(ex.getMessage());
				return 2;
			}
			if (summaries.isEmpty()) {
				out.println("No agreements are loaded; load one with 'truce agreement load FILE'.");
			}
			for (AdjudicatingIncidents.Summary s : summaries) {
				out.printf("%s: %d incidents checked; findings: %s%n", s.agreementId(), s.incidents(), s.outcomes());
			}
		}
		out.flush();
		return 0;
	}

}
