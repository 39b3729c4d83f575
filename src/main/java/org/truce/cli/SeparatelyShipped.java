package org.truce.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Adds {@code truce bench}, which the product jar does not ship: the benchmarks are in
 * {@code target/truce-bench.jar}, built by the same {@code mvn package}. When that jar is
 * on the class path (as {@link #RUN_BENCH} puts it, or in the tests) its command is
 * added; otherwise a stand-in that says how to run it.
 */
final class SeparatelyShipped implements CommandLine.IModelTransformer {

	/** The benchmarks' command, a class of {@code truce-bench.jar}. */
	static final String BENCH_COMMAND = "org.truce.bench.BenchCommand";

	/** How to run {@code truce bench} from a clone, after {@code mvn package}. */
	static final String RUN_BENCH = "java -Dloader.path=target/truce-bench.jar -jar target/truce.jar bench";

	@Override
	public CommandSpec transform(CommandSpec truce) {
		CommandLine help = truce.removeSubcommand("help");
		truce.addSubcommand("bench", bench());
		truce.addSubcommand("help", help);
		return truce;
	}

	private static CommandLine bench() {
		try {
			return new CommandLine(Class.forName(BENCH_COMMAND));
		}
		catch (ClassNotFoundException ex) {
			return new CommandLine(new NotShipped());
		}
	}

	/** {@code truce bench} without the benchmarks on the class path. */
	@Command(name = "bench",
			description = {
					"Measures Truce and prints figures: not in this jar, but in target/truce-bench.jar. Run it with:",
					RUN_BENCH + " --help" })
	static final class NotShipped implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		/** Whatever was asked of the benchmarks: the answer is the same. */
		@Unmatched
		List<String> arguments;

		@Override
		public Integer call() {
			this.spec.commandLine()
				.getErr()
				.printf("truce bench: the benchmarks are not in this jar. They are in target/truce-bench.jar, built"
						+ " by the same mvn package; from the clone, run:%n  %s%s%n", RUN_BENCH,
						this.arguments == null ? "" : " " + String.join(" ", this.arguments));
			return 1;
		}

	}

}
