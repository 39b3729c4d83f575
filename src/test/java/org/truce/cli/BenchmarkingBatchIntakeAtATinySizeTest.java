package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite batch} for a second or two on SQLite with small
 * batches. It checks only that figures come out and that the store holds exactly the
 * reports acknowledged, never how fast anything was.
 */
class BenchmarkingBatchIntakeAtATinySizeTest {

	private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

	@Test
	void printsTheRateOfBatchesAgainstSinglePostsAndChecksTheStore(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "batch", "--store", "sqlite", "--work", work.toString(),
				"--clients", "2", "--batch-clients", "2", "--batch-size", "20", "--warmup", "0.5", "--duration", "1.5");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).containsPattern("single POST \\(baseline\\) +" + NUMBER)
			.containsPattern("batch of 20 \\(latency: batch\\) +" + NUMBER)
			.containsPattern("ratio batch / single: +" + NUMBER + "x the reports/s")
			.containsPattern(
					"stored \\(single\\): +[1-9][0-9]* reports in the store; [0-9]+ acknowledged with 201: match")
			.containsPattern(
					"stored \\(batch\\): +[1-9][0-9]* reports in the store; [0-9]+ acknowledged as created: match")
			.doesNotContain("MISMATCH");
	}

}
