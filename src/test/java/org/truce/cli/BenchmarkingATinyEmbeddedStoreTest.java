package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.truce.testing.ProcessTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every part of {@code truce bench} at a tiny size on SQLite. It checks that figures
 * come out and that the counts agree, never how fast anything was: a benchmark is not a
 * test.
 */
@ProcessTest
class BenchmarkingATinyEmbeddedStoreTest {

	private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";

	@Test
	void printsFiguresForIntakeRadiusQueriesAndServerMemory(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "all", "--store", "sqlite", "--work", work.toString(),
				"--clients", "2", "--warmup", "0", "--duration", "1", "--reports", "500", "--batch", "200", "--queries",
				"10", "--radius", "50000", "--passes", "1", "--http-clients", "2", "--zones", "5", "--vertices", "20",
				"--incidents", "100", "--append-entries", "50", "--append-batches", "10", "--proof-leaves", "100",
				"--proofs", "5", "--verify-entries", "50", "--sizes", "2000", "--rows", "300", "--batch-size", "20",
				"--batch-clients", "2");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).containsPattern("throughput: " + NUMBER + " reports/s")
			.containsPattern("latency: +n=[1-9][0-9]* mean=" + NUMBER + " p50=" + NUMBER + " p90=" + NUMBER + " p99="
					+ NUMBER + " max=" + NUMBER + " ms")
			.containsPattern(
					"stored: +[0-9]+ reports in the store; [0-9]+ acknowledged with 201 \\(warm-up included\\): match")
			// The server clusters in the background even though the tests' configuration
			// turns that off: a benchmark measures the server as deployed.
			.containsPattern("drained: +" + NUMBER + " s after the load stopped")
			.containsPattern(
					"lag: +clustering, announced to done \\(whole run, warm-up included\\): n=[1-9][0-9]* mean=")
			.containsPattern("stored \\(batch\\): +[0-9]+ reports in the store; [0-9]+ acknowledged as created: match")
			.containsPattern("loaded sqlite: 500 reports in " + NUMBER + " s")
			.containsPattern("\\(a\\) truce sqlite +n=10 mean=" + NUMBER)
			.contains("answers: identical sets of reports for every query")
			.containsPattern(
					"peak heap in use while serving \\(jstat every 50 ms, [0-9]+ samples\\): " + NUMBER + " MB")
			.containsPattern("responses \\{200=20\\}");
	}

}
