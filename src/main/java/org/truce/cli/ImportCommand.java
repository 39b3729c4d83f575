package org.truce.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code truce import ucdp|acled FILE}. Exit codes: 0 imported (rows may have been
 * rejected); 1 every row was rejected, or the CSV broke part-way; 2 usage errors (no such
 * file, not a file of that kind).
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

		@Parameters(paramLabel = "FILE", description = "The CSV file.")
		Path file;

		@Override
		public Integer call() {
			return run(this.store, this.file, "UCDP GED",
					(context, file, progress) -> context.getBean(ImportingUcdp.class).importFile(file, progress));
		}

	}

	@Command(name = "acled", mixinStandardHelpOptions = true, description = "Import an ACLED export CSV.")
	static class Acled implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Parameters(paramLabel = "FILE", description = "The CSV file.")
		Path file;

		@Override
		public Integer call() {
			return run(this.store, this.file, "ACLED",
					(context, file, progress) -> context.getBean(ImportingAcled.class).importFile(file, progress));
		}

	}

	@FunctionalInterface
	interface Importer {

		ImportOutcome run(ConfigurableApplicationContext context, ImportFile file, ImportProgress progress);

	}

	static int run(StoreOptions store, Path path, String kind, Importer importer) {
		PrintStream out = System.out;
		PrintStream err = System.err;
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
			ImportOutcome outcome = importer.run(context, file, TerminalProgress.onStandardError(kind));
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
