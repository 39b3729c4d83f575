package org.truce.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.bulletin.application.BulletinFiles;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code truce bulletin --agreement ID --from DATE --to DATE --out DIR}: computes the
 * bulletin of a period from the store and writes {@code bulletin.json} and one CSV per
 * table (and what other {@link BulletinFiles.Writer}s add) into DIR.
 */
@Command(name = "bulletin", mixinStandardHelpOptions = true,
		description = {
				"Compute the bulletin of an agreement for a period of days and write it into a directory:"
						+ " bulletin.json (canonical JSON, RFC 8785; its SHA-256 is printed) and one CSV per table.",
				"Days are calendar days in the agreement's time zone, both included; an incident belongs to the"
						+ " period in which its start falls.",
				"Without --as or --public the bulletin is computed as staff (monitors and co-chairs): over the whole"
						+ " record, read from the store directly as 'truce export' reads it." })
class BulletinCommand implements Callable<Integer> {

	@Mixin
	StoreOptions store;

	@Option(names = "--agreement", required = true, paramLabel = "ID", description = "The agreement.")
	String agreement;

	@Option(names = "--from", required = true, paramLabel = "DATE", description = "The first day, such as 2016-09-12.")
	String from;

	@Option(names = "--to", required = true, paramLabel = "DATE", description = "The last day (included).")
	String to;

	@Option(names = "--zone", paramLabel = "ZONE", description = "Only incidents in this zone of the agreement.")
	String zone;

	@Option(names = "--party", paramLabel = "ACTOR",
			description = "Only incidents this actor is charged with or may have committed.")
	String party;

	@Option(names = "--type", paramLabel = "EVENT_TYPE", description = "Only incidents of this event type.")
	String type;

	@Option(names = "--out", required = true, paramLabel = "DIR",
			description = "A new (or empty) directory; it appears only once every file is written.")
	Path out;

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	ExportCommand.Reader reader;

	@Override
	public Integer call() throws IOException {
		LocalDate first;
		LocalDate last;
		try {
			first = LocalDate.parse(this.from.strip());
			last = LocalDate.parse(this.to.strip());
		}
		catch (DateTimeParseException ex) {
			System.err.println("truce bulletin: --from and --to must be calendar days such as 2016-09-12: "
					+ ex.getParsedString() + " is not one.");
			return 2;
		}
		BulletinQuery query = new BulletinQuery(this.agreement, first, last, this.zone, this.party, this.type);
		try {
			return ExportCommand.runInto(this.store, this.out, "truce bulletin", (context, dir) -> {
				Viewer viewer = reader(context);
				Bulletin bulletin = context.getBean(ComputingBulletin.class).compute(query, viewer);
				List<Path> files = context.getBean(BulletinFiles.class).write(bulletin, dir);
				System.out.println("bulletin.json SHA-256 " + BulletinJson.digest(bulletin));
				System.out.println(bulletin.header().agreementId() + " " + first + " to " + last + " ("
						+ bulletin.header().timeZone() + "): " + bulletin.total() + " incidents, "
						+ bulletin.byOutcome() + ", " + bulletin.notAssessed() + " not assessed.");
				return "the bulletin (" + files.size() + " files, computed as " + bulletin.header().reader() + ")";
			});
		}
		catch (RejectedException ex) {
			for (Problem p : ex.problems()) {
				System.err.println("truce bulletin: " + p.detail() + " (" + p.code() + ")");
			}
			return 2;
		}
		catch (IllegalArgumentException ex) {
			System.err.println("truce bulletin: " + ex.getMessage());
			return 2;
		}
	}

	private Viewer reader(ConfigurableApplicationContext context) {
		Viewer viewer = ExportCommand.Reader.of(this.reader, context);
		if (this.reader == null) {
			System.err.println("truce bulletin: computed as staff (monitors and co-chairs), over the whole record: the"
					+ " command line reads the store directly, as 'truce export' does. Use --public or --as USERNAME"
					+ " for what a reader sees.");
		}
		return viewer;
	}

}
