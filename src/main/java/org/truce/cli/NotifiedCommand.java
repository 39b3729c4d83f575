package org.truce.cli;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProvingNotifications;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.shared.RejectedException;

/**
 * {@code truce notified --notification X --party Y --before Z}: whether a notification
 * had been delivered to (and acknowledged by) a party before a strike, from the store,
 * with the ledger entries and their inclusion proofs, as {@code GET
 * /api/notifications/{id}/notified} gives them.
 */
@Command(name = "notified", mixinStandardHelpOptions = true,
		description = { "Answer 'was this notification delivered to this party before this strike?', with proof:"
				+ " when it was notified and acknowledged, and the ledger entries with their RFC 9162 inclusion"
				+ " proofs against the newest signed checkpoint, to check offline with the log's key." })
class NotifiedCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Option(names = "--notification", required = true, paramLabel = "ID", description = "The notification's id.")
	UUID notification;

	@Option(names = "--party", required = true, paramLabel = "ACTOR", description = "The party (actor id).")
	String party;

	@Option(names = "--before", required = true, paramLabel = "INSTANT|ID",
			description = "The strike: an instant with offset, or a report's or incident's id (its earliest start).")
	String before;

	@Override
	public Integer call() {
		try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
			Notifying notifying = context.getBean(Notifying.class);
			ProvingNotifications proving = context.getBean(ProvingNotifications.class);
			DeconflictionReader operator = notifying.reader(ManagingUsers.COMMAND_LINE,
					List.of(new Grant(Role.MONITOR, null)));
			try {
				Instant strike = proving.strikeTime(this.before,
						new Viewer(Viewer.Reach.FULL, java.util.Set.of(), ManagingUsers.COMMAND_LINE));
				Map<String, Object> answer = proving.notified(this.notification, this.party, strike, operator);
				boolean notified = Boolean.TRUE.equals(answer.get("notified"));
				boolean acked = Boolean.TRUE.equals(answer.get("acknowledgedBeforeStrike"));
				System.out
					.println("Notification " + this.notification + " to " + this.party + " before " + strike + ":");
				System.out.println("  notified:                   " + (notified ? "yes, at " + answer.get("notifiedAt")
						: "no" + (answer.get("notifiedAt") == null ? " (not a party concerned)" : "")));
				System.out.println("  acknowledged before strike: " + (acked ? "yes" : "no")
						+ (answer.get("acknowledgedAt") == null ? "" : " (acknowledged at "
								+ answer.get("acknowledgedAt") + " by " + answer.get("acknowledgedBy") + ")"));
				System.out.println("  " + answer.get("answer"));
				System.out.println(JsonMapper.builder()
					.enable(SerializationFeature.INDENT_OUTPUT)
					.build()
					.writeValueAsString(answer));
				return 0;
			}
			catch (RejectedException ex) {
				System.err.println(ex.problems().get(0).detail());
				return 2;
			}
		}
	}

}
