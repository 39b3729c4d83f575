package org.truce.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Locale;

import org.truce.report.application.ImportProgress;

/**
 * Shows an import's progress on standard error. On a terminal: a bar redrawn in place
 * with {@code \r}, at most ten times a second, with the share of the file's bytes read,
 * the rows so far and the rate. Otherwise (output redirected): a plain line at every
 * further tenth of the file.
 */
public final class TerminalProgress implements ImportProgress {

	private static final long REDRAW_NANOS = 100_000_000L;

	private static final int WIDTH = 30;

	private final PrintStream err;

	private final boolean terminal;

	private final String label;

	private final long startNanos = System.nanoTime();

	private long lastDraw;

	private int lastTenth;

	private long printedRows = -1;

	private long bytes;

	private long total;

	private long rows;

	TerminalProgress(PrintStream err, boolean terminal, String label) {
		this.err = err;
		this.terminal = terminal;
		this.label = label;
	}

	/** Progress on {@code System.err}, drawn as a bar when there is a terminal. */
	public static TerminalProgress onStandardError(String label) {
		return new TerminalProgress(System.err, isTerminal(), label);
	}

	/**
	 * True when {@link System#console()} exists and, on Java 22 and later (where it
	 * exists even when output is redirected), says it is a terminal.
	 */
	static boolean isTerminal() {
		java.io.Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			Method isTerminal = console.getClass().getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return true;
		}
	}

	@Override
	public void advanced(long bytesRead, long totalBytes, long rowsRead) {
		this.bytes = bytesRead;
		this.total = totalBytes;
		this.rows = rowsRead;
		long now = System.nanoTime();
		if (this.terminal) {
			if (now - this.lastDraw >= REDRAW_NANOS) {
				this.lastDraw = now;
				draw(now);
			}
			return;
		}
		if (totalBytes > 0) {
			int tenth = (int) Math.min(10, bytesRead * 10 / totalBytes);
			if (tenth > this.lastTenth) {
				this.lastTenth = tenth;
				this.printedRows = rowsRead;
				this.err.println(line(now));
			}
		}
	}

	@Override
	public void done() {
		long now = System.nanoTime();
		if (this.terminal) {
			draw(now);
			this.err.println();
		}
		else if (this.rows != this.printedRows) {
			this.err.println(line(now));
		}
		this.err.flush();
	}

	private void draw(long now) {
		int filled = this.total > 0 ? (int) Math.min(WIDTH, this.bytes * WIDTH / this.total) : 0;
		String bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] ";
		this.err.print("\r" + bar + line(now) + "   ");
		this.err.flush();
	}

	String line(long now) {
		double seconds = Math.max(1e-9, (now - this.startNanos) / 1e9);
		String share = this.total > 0
				? String.format(Locale.ROOT, "%3d%%", Math.min(100, this.bytes * 100 / this.total)) : "   ?";
		return String.format(Locale.ROOT, "%s %s %,d rows, %,.0f rows/s", this.label, share, this.rows,
				this.rows / seconds);
	}

}
