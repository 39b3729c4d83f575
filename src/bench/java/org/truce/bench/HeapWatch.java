package org.truce.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Watches the heap of another JVM on this machine from outside, with the JDK's
 * {@code jstat -gc} (which reads the target's performance counters; nothing is added to
 * the target). Under G1 the eden figure moves a region at a time, so a sample is exact to
 * about one region (1 MB for a 512 MB heap). Sizes are in kilobytes.
 */
public final class HeapWatch implements AutoCloseable {

	private final Process jstat;

	private final Thread reader;

	private volatile Sample peak;

	private volatile Sample last;

	private volatile int samples;

	private HeapWatch(Process jstat) {
		this.jstat = jstat;
		this.reader = new Thread(this::read, "heap-watch");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/** Samples the heap of process {@code pid} every {@code intervalMillis}. */
	public static HeapWatch start(long pid, int intervalMillis) throws IOException {
		return new HeapWatch(new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid), intervalMillis + "ms")
			.redirectErrorStream(true)
			.start());
	}

	/** One sample of the heap of process {@code pid}. */
	public static Sample once(long pid) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(tool("jstat"), "-gc", Long.toString(pid)).redirectErrorStream(true).start();
		List<String> lines;
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			lines = in.lines().toList();
		}
		p.waitFor(30, TimeUnit.SECONDS);
		if (lines.size() < 2) {
			throw new IOException("jstat said: " + String.join(" / ", lines));
		}
		return Sample.parse(lines.get(0), lines.get(1));
	}

	/** Asks process {@code pid} for a full collection, and waits until it is done. */
	public static void collect(long pid) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(tool("jcmd"), Long.toString(pid), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
			p.destroy();
			throw new IOException("jcmd " + pid + " GC.run failed");
		}
	}

	/** Whether this JDK has jstat and jcmd. */
	public static boolean available() {
		return Files.isExecutable(Path.of(tool("jstat"))) && Files.isExecutable(Path.of(tool("jcmd")));
	}

	private static String tool(String name) {
		return Path.of(System.getProperty("java.home"), "bin", name).toString();
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.jstat.getInputStream(), StandardCharsets.UTF_8))) {
			String header = null;
			String line;
			while ((line = in.readLine()) != null) {
				if (line.trim().startsWith("S0C")) {
					header = line;
					continue;
				}
				if (header == null || line.isBlank()) {
					continue;
				}
				Sample sample = Sample.parse(header, line);
				this.last = sample;
				Sample top = this.peak;
				if (top == null || sample.usedKb() > top.usedKb()) {
					this.peak = sample;
				}
				this.samples++;
			}
		}
		catch (IOException | RuntimeException ex) {
			// The watched process ended or jstat stopped: nothing more to sample.
		}
	}

	/**
	 * Waits until jstat has given its first sample (it takes a moment to attach), so that
	 * what follows is watched from its start.
	 * @return whether a sample came within the time
	 */
	public boolean awaitFirstSample(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (this.samples == 0 && System.nanoTime() < deadline && this.reader.isAlive()) {
			Thread.sleep(10);
		}
		return this.samples > 0;
	}

	/** The sample with the most heap in use, or null before the first. */
	public Sample peak() {
		return this.peak;
	}

	public Sample last() {
		return this.last;
	}

	public int samples() {
		return this.samples;
	}

	@Override
	public void close() throws InterruptedException {
		this.jstat.destroy();
		this.jstat.waitFor(10, TimeUnit.SECONDS);
		this.reader.join(10_000);
	}

	/**
	 * One reading of {@code jstat -gc}.
	 *
	 * @param usedKb heap in use: survivors, eden and old generation, garbage not yet
	 * collected included
	 * @param committedKb heap reserved from the system
	 * @param oldUsedKb the old generation in use
	 * @param youngGcs young collections so far
	 * @param fullGcs full collections so far
	 * @param gcSeconds time spent collecting so far
	 */
	public record Sample(double usedKb, double committedKb, double oldUsedKb, long youngGcs, long fullGcs,
			double gcSeconds) {

		static Sample parse(String header, String line) {
			List<String> names = Arrays.asList(header.trim().split("\\s+"));
			String[] values = line.trim().split("\\s+");
			if (values.length != names.size()) {
				throw new IllegalArgumentException("not a jstat -gc line: " + line);
			}
			List<Double> v = new ArrayList<>();
			for (String value : values) {
				v.add(value.equals("-") ? 0 : Double.parseDouble(value));
			}
			java.util.function.ToDoubleFunction<String> at = name -> v.get(names.indexOf(name));
			return new Sample(
					at.applyAsDouble("S0U") + at.applyAsDouble("S1U") + at.applyAsDouble("EU") + at.applyAsDouble("OU"),
					at.applyAsDouble("S0C") + at.applyAsDouble("S1C") + at.applyAsDouble("EC") + at.applyAsDouble("OC"),
					at.applyAsDouble("OU"), (long) at.applyAsDouble("YGC"), (long) at.applyAsDouble("FGC"),
					at.applyAsDouble("GCT"));
		}

		public double usedMb() {
			return this.usedKb / 1024;
		}

	}

}
