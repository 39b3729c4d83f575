package org.truce.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.identity.application.ManagingUsers;
import org.truce.report.application.Publications;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce publish reports (ID... | --source ID | --all)}: makes reports readable by
 * the public.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
		description = "Publish parts of the record, so that the public may read them.",
		subcommands = { PublishCommand.ReportsCommand.class })
class PublishCommand {

	@Command(name = "reports", mixinStandardHelpOptions = true, description = {
			"Publish reports: the public may then read them, without their sources, and with the places of at-risk"
					+ " sources coarsened. Each publication is a ledger entry (kind 'publication'); a report"
					+ " published before is left as it is.",
			"Give report ids, or --source ID for every report of a source, or --all for every report." })
	static class ReportsCommand implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@ArgGroup(exclusive = true, multiplicity = "1")
		Which which;

		static class Which {

			@Parameters(paramLabel = "ID", arity = "1..*", description = "The ids of the reports to publish.")
			List<UUID> ids = new ArrayList<>();

			@Option(names = "--source", paramLabel = "ID", description = "Every report of this source.")
			String source;

			@Option(names = "--all", description = "Every report in the record.")
			boolean all;

		}

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
				PublishingReports publishing = context.getBean(PublishingReports.class);
				String by = ManagingUsers.COMMAND_LINE;
				List<Publications.Publication> made;
				if (this.which.all) {
					made = publishing.publishAll(by);
				}
				else if (this.which.source != null) {
					if (context.getBean(Sources.class).byId(this.which.source).isEmpty()) {
						System.err.println("truce publish reports: no source has the id " + this.which.source + ".");
						return 2;
					}
					made = publishing.publishSource(this.which.source, by);
				}
				else {
					made = publishing.publish(this.which.ids, by);
				}
				long total = context.getBean(Publications.class).count();
				System.out.println("Published " + made.size() + (made.size() == 1 ? " report" : " reports") + " now; "
						+ total + " in all are published.");
				if (!this.which.ids.isEmpty() && made.size() < this.which.ids.size()) {
					System.out.println((this.which.ids.size() - made.size())
							+ " of the ids given were published before or are not in the record.");
				}
				return 0;
			}
		}

	}

}
