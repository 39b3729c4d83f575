package org.truce.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.Incidents;

@Command(name = "cluster", mixinStandardHelpOptions = true,
		description = { "Place every report not yet in an incident into one, now, then recompute the findings.",
				"A running server does this on its own; use this after an import into a stopped store.",
				"Thresholds: --truce.clustering.distance-metres=2000, time-gap-seconds=21600,"
						+ " max-uncertainty-metres=10000, max-span-seconds=172800 (see docs/incidents.md)." })
class ClusterCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
			long started = System.nanoTime();
			int placed = context.getBean(ClusteringNewReports.class).catchUp();
			double seconds = (System.nanoTime() - started) / 1e9;
			Incidents.Counts counts = context.getBean(Incidents.class).counts();
			out.printf(
					"Placed %,d reports in %.1f s. Incidents: %,d, of which %,d hold more than one report;"
							+ " candidate links waiting for an analyst: %,d.%n",
					placed, seconds, counts.incidents(), counts.multiReport(), counts.openLinks());
			if (placed > 0) {
				context.getBean(AdjudicatingIncidents.class).all();
				out.println("Findings recomputed for every agreement.");
			}
		}
		out.flush();
		return 0;
	}

}
