package org.truce.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.actor.model.ActorRef.ResolutionStatus;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.Imports;
import org.truce.report.application.UnresolvedNames;
import org.truce.report.application.UnresolvedNames.NameCount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce import} ends with the rows whose actor or target did not resolve and the
 * most common of those names.
 */
class PrintingTheNamesAnImportCouldNotResolveTest {

	private static final Imports.ImportRun RUN = new Imports.ImportRun("run-1", "acled", "acled.csv", "00",
			Instant.parse("2026-12-07T04:00:00Z"), Instant.parse("2026-12-07T04:00:01Z"),
			new Imports.Counts(12, 12, 0, 0), "Asia/Damascus");

	@Test
	void theSummaryEndsWithTheUnresolvedRowsAndTheMostCommonNamesOfEachColumn() {
		UnresolvedNames names = new UnresolvedNames(5, 1,
				List.of(new NameCount("Unidentified Armed Group (Syria)", 4, ResolutionStatus.UNRESOLVED),
						new NameCount("Syrian forces", 1, ResolutionStatus.AMBIGUOUS)),
				List.of(new NameCount("Civilians (Iraq)", 1, ResolutionStatus.UNRESOLVED)));

		String out = printed(names);

		assertThat(out).endsWith(String.join(System.lineSeparator(),
				"Imported 12 reports from acled.csv: 12 rows read, 12 imported, 0 already present, 0 rejected.",
				"Dates without a time were read as calendar days in Asia/Damascus.",
				"Names that resolved to no single actor: 5 rows in the actor column, 1 row in the target column. The most common:",
				"  actor       4  Unidentified Armed Group (Syria)",
				"  actor       1  Syrian forces (ambiguous: more than one actor)", "  target      1  Civilians (Iraq)",
				""));
	}

	@Test
	void anImportWhoseNamesAllResolvedSaysSo() {
		assertThat(printed(UnresolvedNames.NONE))
			.endsWith("Every actor and target named resolved to one actor." + System.lineSeparator());
	}

	private static String printed(UnresolvedNames names) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ImportCommand.report(
				new ImportOutcome.Completed(RUN, List.of(), 0, true, Duration.ofMillis(5), names), "acled.csv",
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(code).isZero();
		return out.toString(StandardCharsets.UTF_8);
	}

}
