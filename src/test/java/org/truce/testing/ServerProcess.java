package org.truce.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * {@code truce serve} in a JVM of its own, started from this JVM's class path (or its
 * executable jar) with a heap limit, listening on a free loopback port. Closing it stops
 * the server gracefully, or kills it after 30 seconds; {@link #kill} kills it at once, as
 * a crash would. Used by the benchmarks and by the crash tests.
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final URI base;

	private final Path log;

	private ServerProcess(Process process, URI base, Path log) {
		this.process = process;
		this.base = base;
		this.log = log;
	}

	/**
	 * Starts {@code truce serve --port P} with the given store options and waits until it
	 * answers its health check.
	 * @param storeArgs such as {@code --data DIR} or {@code --db URL}
	 * @param jvmArgs such as {@code -Xmx512m}
	 * @param log where the server's output goes
	 */
	public static ServerProcess start(List<String> storeArgs, List<String> jvmArgs, Path log, Duration timeout)
			throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.addAll(launcher());
		command.add("serve");
		command.add("--port");
		command.add(Integer.toString(port));
		command.addAll(storeArgs);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
			.start();
		ServerProcess server = new ServerProcess(process, URI.create("http://127.0.0.1:" + port), log);
		try {
			server.awaitHealthy(timeout);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * How to start {@code TruceMain}: through the executable jar when this JVM was
	 * started with {@code java -jar truce.jar}, else from the class path.
	 */
	private static List<String> launcher() throws IOException {
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			try (JarFile jar = new JarFile(classPath)) {
				if (jar.getManifest() != null
						&& jar.getManifest().getMainAttributes().getValue("Start-Class") != null) {
					return List.of("-jar", classPath);
				}
			}
		}
		return List.of("-cp", classPath, "org.truce.cli.TruceMain");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException("the server exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(this.base.resolve("/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		throw new IOException("the server did not become healthy in " + timeout + "; see " + this.log);
	}

	public URI base() {
		return this.base;
	}

	public int port() {
		return this.base.getPort();
	}

	/**
	 * Kills the server with SIGKILL, as a crash or a power cut would, and waits for it to
	 * end.
	 * @return true when it ended within 30 seconds
	 */
	public boolean kill() throws InterruptedException {
		this.process.destroyForcibly();
		return this.process.waitFor(30, TimeUnit.SECONDS);
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
