package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite import} at a tiny size. It checks that both loads store
 * every row and that the figures and phases come out, never how fast anything was.
 */
@SlowTest
class BenchmarkingImportAtATinySizeTest {

	private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

	@Test
	void loadsTheSameRowsRawAndThroughTheImportThenClustersAndAdjudicates(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "import", "--store", "sqlite", "--work", work.toString(),
				"--rows", "300");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).contains("== import, sqlite: 300 ACLED-format rows")
			.containsPattern("\\(a\\) raw SQLite load .*: 300 rows in " + NUMBER + " s")
			.containsPattern("\\(b\\) truce import acled: 300 rows in " + NUMBER
					+ " s, .*\\(300 imported, 0 rejected\\); 300 reports stored")
			.containsPattern("ratio \\(b\\) / \\(a\\): " + NUMBER + " in time")
			.containsPattern("clustering \\(truce cluster\\): 300 reports placed in " + NUMBER + " s")
			.containsPattern("adjudication \\(every agreement's findings recomputed\\): " + NUMBER + " s")
			.containsPattern("end to end \\(import \\+ clustering \\+ adjudication\\): " + NUMBER + " s");
	}

}
