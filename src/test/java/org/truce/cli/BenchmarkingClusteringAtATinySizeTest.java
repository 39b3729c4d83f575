package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite clustering} at two tiny sizes. It checks that the
 * figures come out and that precision and recall are proportions, never how fast anything
 * was.
 */
@SlowTest
class BenchmarkingClusteringAtATinySizeTest {

	private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

	@Test
	void printsTimesAndPrecisionAndRecallForEachSize(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "clustering", "--store", "sqlite", "--work", work.toString(),
				"--sizes", "2000,4000");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).containsPattern("2,000 reports \\(" + NUMBER + " events")
			.containsPattern("4,000 reports \\(" + NUMBER + " events")
			.containsPattern(NUMBER + " ns/report, time/\\(n log n\\) " + NUMBER + " x the smallest; " + NUMBER
					+ " clusters, " + NUMBER + " candidate links");
		Matcher merged = Pattern.compile("merged: precision (" + NUMBER + "), recall (" + NUMBER + ")").matcher(out);
		int found = 0;
		while (merged.find()) {
			found++;
			assertThat(Double.parseDouble(merged.group(1))).isBetween(0.0, 1.0);
			assertThat(Double.parseDouble(merged.group(3))).isBetween(0.0, 1.0);
		}
		assertThat(found).as(out).isEqualTo(2);
	}

}
