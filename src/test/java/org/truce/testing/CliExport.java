package org.truce.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.truce.cli.TruceMain;
import picocli.CommandLine;

/**
 * What {@code truce export WHAT ARGS READER --out FILE} wrote on a running store, as an
 * operator runs it beside the server: its exit code, the file and what it said on
 * standard error.
 */
public record CliExport(int exitCode, String file, String err) {

	/**
	 * Runs the export of {@code what} with {@code args}, for {@code reader}
	 * ({@code --public}, {@code --as USER}, or nothing for everything).
	 */
	public static CliExport run(RunningTruce truce, List<String> reader, String what, String... args) {
		Path out = truce.dataDir().resolve("export-" + UUID.randomUUID() + ".out");
		List<String> command = new ArrayList<>(List.of("export", what));
		command.addAll(List.of(args));
		command.addAll(reader);
		command.addAll(List.of("--data", truce.dataDir().toString(), "--out", out.toString()));
		String db = truce.bean(Environment.class).getProperty("truce.db");
		if (db != null && !db.isBlank()) {
			command.addAll(List.of("--db", db));
		}
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = new CommandLine(new TruceMain()).execute(command.toArray(String[]::new));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
		try {
			String file = Files.exists(out) ? Files.readString(out) : "";
			Files.deleteIfExists(out);
			return new CliExport(code, file, err.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
