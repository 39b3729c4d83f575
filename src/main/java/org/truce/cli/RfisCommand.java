package org.truce.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.identity.application.ManagingUsers;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code truce rfis [--party X] [--overdue]}: what became of the requests for
 * information, from the store, by requesting side and by party.
 */
@Command(name = "rfis", mixinStandardHelpOptions = true,
		description = { "Count the requests for information and what became of them: for each requesting side, each"
				+ " party and each pair, how many were sent, answered on time, answered late, are unanswered past"
				+ " their deadline, and are open within it.",
				"With --overdue, also list each unanswered request past its deadline." })
class RfisCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Option(names = "--party", paramLabel = "ACTOR", description = "Only the requests addressed to this actor.")
	String party;

	@Option(names = "--overdue", description = "List the overdue requests too.")
	boolean overdue;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
			RequestingInformation rfis = context.getBean(RequestingInformation.class);
			RfiReader operator = new RfiReader(ManagingUsers.COMMAND_LINE, true, Set.of());
			RequestingInformation.Summary summary = rfis.summary(operator, this.party);
			System.out.println("Requests for information" + (this.party == null ? "" : " to " + this.party) + ", as of "
					+ summary.at() + ":");
			print("By requesting side", summary.byRequestingSide());
			print("By party", summary.byParty());
			print("By requesting side and party", summary.bySideAndParty());
			if (this.overdue) {
				List<RequestForInformation> late = rfis.list(this.party, RequestsForInformation.Status.OVERDUE,
						operator);
				System.out.println();
				System.out.println("Overdue (" + late.size() + "):");
				for (RequestForInformation r : late) {
					System.out.println("  " + r.id() + "  deadline " + r.deadline() + "  " + r.requestedBySide() + " → "
							+ r.party() + "  incident " + r.incidentId());
				}
			}
			return 0;
		}
	}

	private static void print(String title, List<RfiTally> tallies) {
		System.out.println();
		System.out.println(title + ":");
		if (tallies.isEmpty()) {
			System.out.println("  (none)");
			return;
		}
		int width = Math.max(6, tallies.stream().mapToInt(t -> t.key().length()).max().orElse(6));
		System.out.println(String.format("  %-" + width + "s %6s %8s %6s %8s %6s", "", "sent", "on time", "late",
				"overdue", "open"));
		for (RfiTally t : tallies) {
			System.out.println(String.format("  %-" + width + "s %6d %8d %6d %8d %6d", t.key(), t.sent(),
					t.answeredOnTime(), t.answeredLate(), t.overdue(), t.open()));
		}
	}

}
