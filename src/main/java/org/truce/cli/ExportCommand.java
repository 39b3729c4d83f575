package org.truce.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.report.application.ExportingReports;
import org.truce.report.application.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code truce export reports --format geojson|csv [--out FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export the record to files.",
		subcommands = { ExportCommand.ReportsCommand.class })
class ExportCommand {

	@Command(name = "reports", mixinStandardHelpOptions = true,
			description = "Export every report, newest event first, as GeoJSON (RFC 7946) or CSV.")
	static class ReportsCommand implements Callable<Integer> {

		@Mixin
		StoreOptions store;

		@Option(names = "--format", required = true, paramLabel = "FORMAT",
				description = "geojson or csv (case-insensitive).")
		String formatName;

		private ReportFormat format;

		@Option(names = "--out", paramLabel = "FILE",
				description = "Write to this file (replaced only once complete) instead of standard output.")
		Path out;

		@Override
		public Integer call() throws IOException {
			this.format = ReportFormat.parse(this.formatName).orElse(null);
			if (this.format == null) {
				System.err.println("truce export: --format must be geojson or csv, not " + this.formatName + ".");
				return 2;
			}
			if (this.out != null) {
				return toFile();
			}
			// Spring logs to standard output; keep it for the export alone.
			PrintStream stdout = System.out;
			System.setOut(System.err);
			try (ConfigurableApplicationContext context = Spring.offline(this.store)) {
				OutputStream target = new BufferedOutputStream(stdout, 1 << 16);
				long n = context.getBean(ExportingReports.class).exportAll(this.format, target);
				target.flush();
				System.err.println("Exported " + n + " reports as " + this.format.name().toLowerCase() + ".");
				return 0;
			}
			finally {
				System.setOut(stdout);
			}
		}

		private int toFile() throws IOException {
			Path target = this.out.toAbsolutePath();
			if (Files.isDirectory(target)) {
				System.err.println("truce export: " + this.out + " is a directory.");
				return 2;
			}
			Path parent = target.getParent();
			if (parent != null && !Files.isDirectory(parent)) {
				System.err.println("truce export: no such directory: " + parent);
				return 2;
			}
			Path partial = Files.createTempFile(parent, target.getFileName().toString(), ".partial");
			try (ConfigurableApplicationContext context = Spring.offline(this.store);
					OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
				long n = context.getBean(ExportingReports.class).exportAll(this.format, file);
				file.close();
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				System.out.println("Exported " + n + " reports to " + this.out + ".");
				return 0;
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}

	}

}
