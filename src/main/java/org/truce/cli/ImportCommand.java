package org.truce.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.actor.model.ActorRef;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingAcled;
import org.truce.report.application.ImportingUcdp;
import org.truce.report.application.Imports;
import org.truce.report.application.UnresolvedNames;
import org.truce.shared.Problem;
import org.truce.shared.ScenarioZone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce import ucdp|acled [--zone ZONE] FILE}. A date without a time in the file
 * is a calendar day in ZONE (an IANA id such as {@code Asia/Damascus}, or {@code UTC});
 * by default the scenario's zone. Exit codes: 0 imported (rows may have been rejected); 1
 * every row was rejected, or the CSV broke part-way; 2 usage errors (no such file, not a
 * file of that kind, not a time zone).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import events from a dataset file as reports.",
		subcommands = { ImportCommand.Ucdp.class, ImportCommand.Acled.class })
class ImportCommand {

	static final int SHOWN_REJECTIONS = 20;

	@Command(name = "ucdp", mixinStandardHelpOptions = true,
			description = "Import a UCDP GED CSV (such as ged_syria.csv or GEDEvent_v*.csv).")
	static class Ucdp implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Mixin
		ZoneOption zone;

		@Parameters(paramLabel = "FILE", description = "The CSV file.")
		Path file;

		@Override
		public Integer call() {
			return run(this.store, this.file, this.zone, "UCDP GED", (context, file, zone,
					progress) -> context.getBean(ImportingUcdp.class).importFile(file, zone, progress));
		}

	}

	@Command(name = "acled", mixinStandardHelpOptions = true, description = "Import an ACLED export CSV.")
	static class Acled implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Mixin
		ZoneOption zone;

		@Parameters(paramLabel = "FILE", description = "The CSV file.")
		Path file;

		@Override
		public Integer call() {
			return run(this.store, this.file, this.zone, "ACLED", (context, file, zone,
					progress) -> context.getBean(ImportingAcled.class).importFile(file, zone, progress));
		}

	}

	/** {@code --zone}: where the file's dates are calendar days. */
	static class ZoneOption {

		@Option(names = "--zone", paramLabel = "ZONE",
				description = "Time zone in which a date without a time is a calendar day, such as Asia/Damascus"
						+ " or UTC (default: the scenario's zone).")
		String zone;

	}

	@FunctionalInterface
	interface Importer {

		ImportOutcome run(ConfigurableApplicationContext context, ImportFile file, ZoneId zone,
				ImportProgress progress);

	}

	static int run(StoreOptions store, Path path, ZoneOption zoneOption, String kind, Importer importer) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ZoneId named = null;
		if (zoneOption != null && zoneOption.zone != null) {
			named = ScenarioZone.parse(zoneOption.zone).orElse(null);
			if (named == null) {
				Problem problem = ScenarioZone.unknown("--zone", zoneOption.zone);
				err.println("truce import: " + problem.code() + " [--zone] " + problem.detail());
				return 2;
			}
		}
		if (!Files.exists(path)) {
			err.println("truce import: no such file: " + path);
			return 2;
		}
		if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
			err.println("truce import: not a readable file: " + path);
			return 2;
		}
		ImportFile file;
		try {
			file = ImportFile.of(path);
		}
		catch (IOException ex) {
			err.println("truce import: cannot read " + path + ": " + ex.getMessage());
			return 2;
		}
		try (ConfigurableApplicationContext context = Spring.offline(store)) {
			ZoneId zone = named != null ? named : context.getBean(ScenarioZone.class).zone();
			ImportOutcome outcome = importer.run(context, file, zone, TerminalProgress.onStandardError(kind));
			int code = report(outcome, path.toString(), out, err);
			if (outcome instanceof ImportOutcome.Completed done && done.counts().imported() > 0) {
				// New incidents are checked against every loaded agreement at once.
				for (AdjudicatingIncidents.Summary s : context.getBean(AdjudicatingIncidents.class).all()) {
					out.println("Findings recomputed under " + s.agreementId() + ": " + s.outcomes() + ".");
				}
			}
			return code;
		}
	}

	static int report(ImportOutcome outcome, String name, PrintStream out, PrintStream err) {
		if (outcome instanceof ImportOutcome.NotImportable refused) {
			err.println("truce import: " + name + " is not a file this importer reads: " + refused.reason() + ".");
			return 2;
		}
		if (outcome instanceof ImportOutcome.AlreadyImported already) {
			out.println("Already imported " + name + " on " + already.previous().finishedAt() + "; nothing to do.");
			return 0;
		}
		ImportOutcome.Completed done = (ImportOutcome.Completed) outcome;
		Imports.Counts c = done.counts();
		for (Imports.RowRejection r : done.firstRejections()) {
			err.println("rejected: " + r.code() + (r.field() == null ? "" : " [" + r.field() + "]") + " "
					+ r.detail().replace('\n', ' '));
		}
		if (c.rejected() > 0) {
			err.println("(" + c.rejected() + " rows rejected in all"
					+ (c.rejected() > SHOWN_REJECTIONS ? ", the first shown above" : "")
					+ "; every rejection is stored with import " + done.run().id() + ")");
		}
		if (done.changedDuplicates() > 0) {
			err.println("note: " + done.changedDuplicates()
					+ " rows already present differ from the stored version; the stored reports were kept.");
		}
		if (!done.readToEnd()) {
			err.println("truce import: the CSV broke part-way; the rest of " + name + " was not read.");
		}
		err.println(
				String.format(Locale.ROOT, "import %s took %.1f s", done.run().id(), done.elapsed().toNanos() / 1e9));
		out.println("Imported " + c.imported() + " reports from " + name + ": " + c.rowsRead() + " rows read, "
				+ c.imported() + " imported, " + c.duplicates() + " already present, " + c.rejected() + " rejected.");
		out.println("Dates without a time were read as calendar days in " + done.run().timeZone() + ".");
		unresolved(done.unresolved(), out);
		return done.failed() ? 1 : 0;
	}

	/**
	 * How many rows named an actor or a target that resolved to no single actor, and the
	 * most common of those names, so that aliases can be added where they are missing.
	 */
	static void unresolved(UnresolvedNames names, PrintStream out) {
		if (names.isEmpty()) {
			out.println("Every actor and target named resolved to one actor.");
			return;
		}
		out.println("Names that resolved to no single actor: " + rows(names.actorRows()) + " in the actor column, "
				+ rows(names.targetRows()) + " in the target column. The most common:");
		column("actor", names.actors(), out);
		column("target", names.targets(), out);
	}

	private static void column(String column, List<UnresolvedNames.NameCount> names, PrintStream out) {
		for (UnresolvedNames.NameCount n : names) {
			out.println(String.format(Locale.ROOT, "  %-6s %6d  %s%s", column, n.rows(), n.name().replace('\n', ' '),
					n.status() == ActorRef.ResolutionStatus.AMBIGUOUS ? " (ambiguous: more than one actor)" : ""));
		}
	}

	private static String rows(long n) {
		return n + (n == 1 ? " row" : " rows");
	}

}
