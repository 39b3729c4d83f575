package org.truce.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.actor.application.ActorDirectory;
import org.truce.adjudication.application.ExportingFindings;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Readers;
import org.truce.identity.application.Users;
import org.truce.identity.model.User;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.ExportingLedger;
import org.truce.report.application.ExportingReports;
import org.truce.report.application.ReportFormat;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code truce export reports --format geojson|csv|acled|ucdp [--hxl] [--as USERNAME | --public] [--out FILE]},
 * {@code truce export findings --agreement ID --format csv [--hxl] [--as USERNAME | --public] [--out FILE]}
 * and {@code truce export ledger --out DIR [--disclose all|none]}.
 */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export the record to files.", subcommands = {
		ExportCommand.ReportsCommand.class, ExportCommand.FindingsCommand.class, ExportCommand.LedgerCommand.class })
class ExportCommand {

	/** Writes an export to one output stream and says how many items it wrote. */
	interface Export {

		long write(ConfigurableApplicationContext context, OutputStream out) throws IOException;

	}

	/**
	 * Runs an export to standard output, or to a file that is replaced only once the
	 * export is complete.
	 */
	static int run(StoreOptions store, Path out, String what, Export export) throws IOException {
		if (out == null) {
			// Spring logs to standard output; keep it for the export alone.
			PrintStream stdout = System.out;
			System.setOut(System.err);
			try (ConfigurableApplicationContext context = Spring.offline(store)) {
				OutputStream target = new BufferedOutputStream(stdout, 1 << 16);
				long n = export.write(context, target);
				target.flush();
				System.err.println("Exported " + n + " " + what + ".");
				return 0;
			}
			finally {
				System.setOut(stdout);
			}
		}
		Path target = out.toAbsolutePath();
		if (Files.isDirectory(target)) {
			System.err.println("truce export: " + out + " is a directory.");
			return 2;
		}
		Path parent = target.getParent();
		if (parent != null && !Files.isDirectory(parent)) {
			System.err.println("truce export: no such directory: " + parent);
			return 2;
		}
		Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".partial");
		try (ConfigurableApplicationContext context = Spring.offline(store);
				OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			long n = export.write(context, file);
			file.close();
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			System.out.println("Exported " + n + " " + what + " to " + out + ".");
			return 0;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Whose view of the record an export holds: {@code --as USERNAME} (what that user
	 * would see), {@code --public} (what the public sees, the published reports), or
	 * neither: the operator's full export.
	 */
	static class Reader {

		@Option(names = "--as", paramLabel = "USERNAME",
				description = "Export only what this user would see through the API, cut as for that user.")
		String username;

		@Option(names = "--public", description = "Export only what the public sees: published reports, without"
				+ " sources, and at-risk places coarsened.")
		boolean anyone;

		/**
		 * The reader of the export, in the running context.
		 * @throws IllegalArgumentException when no active user has the name
		 */
		static Viewer of(Reader reader, ConfigurableApplicationContext context) {
			if (reader == null) {
				return OPERATOR;
			}
			if (reader.anyone) {
				return Viewer.PUBLIC;
			}
			User user = context.getBean(Users.class)
				.byUsername(reader.username)
				.orElseThrow(() -> new IllegalArgumentException("no user is named " + reader.username + "."));
			if (!user.active()) {
				throw new IllegalArgumentException(reader.username + " is disabled and sees nothing.");
			}
			return context.getBean(Readers.class).viewer(user.id().toString(), user.grants());
		}

		/** Warns, on standard error, that the operator's full export needs care. */
		static void warnIfFull(Reader reader) {
			if (reader == null) {
				System.err.println("truce export: this is the operator's full export: the file holds reporter"
						+ " identities and exact locations, including those of sources at risk. Keep it safe;"
						+ " use --as USERNAME or --public to export what a reader may see.");
			}
		}

	}

	/** The reader of the operator's full export. */
	static final Viewer OPERATOR = new Viewer(Viewer.Reach.FULL, Set.of(), ManagingUsers.COMMAND_LINE);

	/** Writes an export into a directory and says what it wrote. */
	interface DirectoryExport {

		String write(ConfigurableApplicationContext context, Path dir) throws IOException;

	}

	/**
	 * Runs an export into a new directory: written beside it under a temporary name and
	 * renamed once complete, so that {@code out} is either absent or whole. An existing
	 * {@code out} must be an empty directory.
	 */
	static int runInto(StoreOptions store, Path out, String command, DirectoryExport export) throws IOException {
		Path target = out.toAbsolutePath();
		if (Files.exists(target)) {
			if (!Files.isDirectory(target)) {
				System.err.println(command + ": " + out + " exists and is not a directory.");
				return 2;
			}
			try (var listing = Files.list(target)) {
				if (listing.findAny().isPresent()) {
					System.err.println(command + ": " + out + " is not empty; refusing to mix two exports.");
					return 2;
				}
			}
		}
		Path parent = target.getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			System.err.println(command + ": no such directory: " + parent);
			return 2;
		}
		Path partial = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
		try (ConfigurableApplicationContext context = Spring.offline(store)) {
			String what = export.write(context, partial);
			Files.deleteIfExists(target);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			System.out.println("Exported " + what + " to " + out + ".");
			return 0;
		}
		finally {
			deleteRecursively(partial);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

	@Command(name = "ledger", mixinStandardHelpOptions = true,
			description = { "Export the ledger for offline verification with 'truce verify DIR': entries.jsonl, every"
					+ " signed checkpoint with its cosignatures, the log's and the witnesses' public keys, and a"
					+ " README.txt.",
					"A checkpoint of the current tree is signed first, so that every exported entry is covered.",
					"Report entries hold only salted commitments to the report's fields; disclosures.jsonl holds the"
							+ " openings the export includes (none by default), which 'truce verify' checks against"
							+ " them." })
	static class LedgerCommand implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Option(names = "--out", required = true, paramLabel = "DIR",
				description = "A new (or empty) directory; it appears only once the export is complete.")
		Path out;

		@Option(names = "--disclose", defaultValue = "none", paramLabel = "all|none",
				description = { "Which commitments to open in disclosures.jsonl (default: ${DEFAULT-VALUE}).",
						"none: the log as anyone may see it, every report field hidden behind its commitment.",
						"all: every group of every report, INCLUDING REPORTER IDENTITIES (source) AND THE EXACT"
								+ " LOCATIONS OF AT-RISK SOURCES' REPORTS: an export for staff (monitors, co-chairs)"
								+ " only." })
		String disclose;

		@Override
		public Integer call() throws IOException {
			DisclosurePolicy policy;
			if (this.disclose.equalsIgnoreCase("none")) {
				policy = DisclosurePolicy.NONE;
			}
			else if (this.disclose.equalsIgnoreCase("all")) {
				policy = DisclosurePolicy.ALL;
			}
			else {
				System.err.println("truce export ledger: --disclose must be all or none, not " + this.disclose + ".");
				return 2;
			}
			return runInto(this.store, this.out, "truce export ledger", (context, dir) -> {
				ExportingLedger.Summary summary = context.getBean(ExportingLedger.class).export(dir, policy);
				if (summary.witnesses() == 0) {
					System.err.println("note: no witness keys are configured (truce.ledger.witnesses, set as for the"
							+ " server), so witnesses.pub is empty; cosignatures are exported all the same.");
				}
				if (policy == DisclosurePolicy.ALL) {
					System.err.println("note: --disclose all: disclosures.jsonl opens " + summary.disclosures()
							+ " commitments, reporter identities and exact locations included; give this export to"
							+ " staff only.");
				}
				return summary.entries() + " ledger entries and " + summary.checkpoints() + " signed checkpoints"
						+ (policy == DisclosurePolicy.ALL ? ", with " + summary.disclosures() + " disclosures" : "");
			});
		}

	}

	@Command(name = "reports", mixinStandardHelpOptions = true,
			description = { "Export every report, newest event first, as GeoJSON (RFC 7946) or CSV, or in ACLED's or"
					+ " UCDP's own layout (--format acled|ucdp): the reports imported from that dataset, each as the"
					+ " row it was imported from, so that the file imports again as it was.",
					"Without --as or --public this is the operator's full export, with reporter identities and"
							+ " exact locations; with either, it holds what that reader would see through the API." })
	static class ReportsCommand implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@ArgGroup(exclusive = true, multiplicity = "0..1")
		Reader reader;

		@Option(names = "--format", required = true, paramLabel = "FORMAT",
				description = "geojson, csv, acled or ucdp (case-insensitive).")
		String formatName;

		@Option(names = "--out", paramLabel = "FILE",
				description = "Write to this file (replaced only once complete) instead of standard output.")
		Path out;

		@Option(names = "--hxl", description = "CSV only: a second row of HXL hashtags under the header (#date+start,"
				+ " #geo+lat, #adm1+name, #affected+killed, ...), for humanitarian data platforms.")
		boolean hxl;

		@Override
		public Integer call() throws IOException {
			ReportFormat parsed = ReportFormat.parse(this.formatName).orElse(null);
			if (parsed == null) {
				System.err.println(
						"truce export: --format must be geojson, csv, acled or ucdp, not " + this.formatName + ".");
				return 2;
			}
			ReportFormat format = parsed.withHxl(this.hxl).orElse(null);
			if (format == null) {
				System.err.println("truce export: --hxl goes with --format csv only: GeoJSON has no header row, and"
						+ " ACLED's and UCDP's layouts are written as the datasets publish them.");
				return 2;
			}
			try {
				Reader.warnIfFull(this.reader);
				return run(this.store, this.out, "reports", (context, target) -> context.getBean(ExportingReports.class)
					.exportAll(format, target, Reader.of(this.reader, context)));
			}
			catch (IllegalArgumentException ex) {
				System.err.println("truce export reports: " + ex.getMessage());
				return 2;
			}
			catch (RejectedException ex) {
				Problem p = ex.problems().get(0);
				System.err.println("truce export reports: " + p.code() + " [" + p.field() + "] " + p.detail());
				return 2;
			}
		}

	}

	@Command(name = "findings", mixinStandardHelpOptions = true,
			description = {
					"Export an agreement's findings as CSV: one row per incident and term, with the outcome"
							+ " and its reasons.",
					"Without --as or --public this is the operator's full export; with either, it holds what that"
							+ " reader would see through the API." })
	static class FindingsCommand implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@ArgGroup(exclusive = true, multiplicity = "0..1")
		Reader reader;

		@Option(names = "--agreement", required = true, paramLabel = "ID", description = "The agreement.")
		String agreement;

		@Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT", description = "csv (the only format).")
		String formatName;

		@Option(names = "--out", paramLabel = "FILE",
				description = "Write to this file (replaced only once complete) instead of standard output.")
		Path out;

		@Option(names = "--hxl", description = "A second row of HXL hashtags under the header (#status+outcome,"
				+ " #org+perpetrator+id, #date+start, ...), for humanitarian data platforms.")
		boolean hxl;

		@Option(names = "--possible-perpetrator", paramLabel = "ACTOR",
				description = "Only the findings where this actor (id or known name) acted, or is one of those who"
						+ " may have when the sources do not say which (column possible_perpetrators).")
		String possiblePerpetrator;

		@Override
		public Integer call() throws IOException {
			if (!this.formatName.equalsIgnoreCase("csv")) {
				System.err.println("truce export findings: --format must be csv, not " + this.formatName + ".");
				return 2;
			}
			try {
				Reader.warnIfFull(this.reader);
				return run(this.store, this.out, "findings of " + this.agreement, (context, target) -> {
					if (context.getBean(AgreementCatalogue.class).versions(this.agreement).isEmpty()) {
						throw new IllegalArgumentException("no agreement has the id " + this.agreement
								+ "; load it with 'truce agreement load FILE'.");
					}
					String possibleId = this.possiblePerpetrator == null ? null
							: context.getBean(ActorDirectory.class)
								.idOf(this.possiblePerpetrator)
								.orElseThrow(() -> new IllegalArgumentException(
										"no single known actor is named '" + this.possiblePerpetrator + "'."));
					return context.getBean(ExportingFindings.class)
						.exportCsv(this.agreement, possibleId, this.hxl, target, Reader.of(this.reader, context));
				});
			}
			catch (IllegalArgumentException ex) {
				System.err.println("truce export findings: " + ex.getMessage());
				return 2;
			}
		}

	}

}
