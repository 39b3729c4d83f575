package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.testing.SlowTest;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite bulletin} with two runs for each reader. It checks that
 * the figures come out and that the month holds incidents, never how fast anything was.
 */
@SlowTest
class BenchmarkingBulletinsAtATinySizeTest {

	private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";

	@Test
	void printsTheTimeOfAMonthsBulletinAgainstTheGoal(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "bulletin", "--work", work.toString(), "--bulletin-runs", "2");
		String out = text.toString();
		System.out.print(out);

		assertThat(exit).as(out).isZero();
		for (String reader : new String[] { "staff", "public" }) {
			assertThat(out).as(out)
				.containsPattern(reader + "'s bulletin of syria-coh-2016-02, 2016-03-01 to 2016-03-31: [1-9][0-9]*"
						+ " incidents")
				.containsPattern(reader + ": n=2 mean=" + NUMBER + " p50=" + NUMBER);
		}
		assertThat(out).containsPattern("goal: a month's bulletin in under 2000 ms: (met|missed) \\(p50 [0-9]+ ms");
	}

}
