package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite adjudication} at a tiny size without PostgreSQL. It
 * checks only that figures come out, never how fast anything was.
 */
class BenchmarkingAdjudicationAtATinySizeTest {

	private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

	@Test
	void printsEvaluationsPerSecondForAFewSmallZones(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "adjudication", "--store", "sqlite", "--work", work.toString(),
				"--zones", "6", "--vertices", "24", "--terms", "3", "--incidents", "200");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).containsPattern("adjudication: 6 zones \\(" + NUMBER + " vertices in all")
			.containsPattern("[0-9]+ incident x term evaluations in " + NUMBER + " s wall, " + NUMBER + " s CPU = "
					+ NUMBER + " evaluations per CPU second")
			.contains("PostGIS baseline: skipped");
	}

}
