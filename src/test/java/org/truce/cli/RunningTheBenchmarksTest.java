package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce bench} is the benchmarks' command when they are on the class path (as in
 * the tests, or with {@code -Dloader.path=target/truce-bench.jar}); without them, as from
 * the product jar alone, it says how to run them.
 */
class RunningTheBenchmarksTest {

	@Test
	void withTheBenchmarksOnTheClassPathTruceBenchIsTheirs() {
		CommandLineRun help = CommandLineRun.truce("bench", "--help");

		assertThat(help.exitCode()).as(help.toString()).isZero();
		assertThat(help.out()).contains("Measures Truce and prints figures; nothing passes or fails on time.")
			.contains("--suite=<suite>");
		assertThat(CommandLineRun.truce("--help").out()).containsPattern("(?s)\n  notified .*\n  bench .*\n  help ");
	}

	@Test
	void withoutTheBenchmarksTruceBenchSaysHowToRunThem() {
		StringWriter err = new StringWriter();
		CommandLine standIn = new CommandLine(new SeparatelyShipped.NotShipped());
		standIn.setErr(new PrintWriter(err, true));

		int exit = standIn.execute("--suite", "ledger");

		assertThat(exit).isEqualTo(1);
		assertThat(err.toString()).contains("not in this jar")
			.contains("java -Dloader.path=target/truce-bench.jar -jar target/truce.jar bench --suite ledger");
	}

}
