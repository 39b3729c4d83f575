package org.truce.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * One {@code truce} command run in this JVM as a user runs it: its exit code and what it
 * printed, whether through picocli's writers or through {@link System#out} and
 * {@link System#err} (commands that start Spring print there).
 */
record CommandLineRun(int exitCode, String out, String err) {

	static CommandLineRun truce(String... args) {
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		System.setOut(o);
		System.setErr(e);
		try {
			CommandLine commandLine = new CommandLine(new TruceMain());
			commandLine.setOut(new PrintWriter(o, true));
			commandLine.setErr(new PrintWriter(e, true));
			int code = commandLine.execute(args);
			return new CommandLineRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	@Override
	public String toString() {
		return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
	}

}
