package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.truce.ledger.application.Witness;
import org.truce.ledger.application.WitnessRun;
import org.truce.ledger.infrastructure.HttpLogServer;
import org.truce.ledger.infrastructure.WitnessStateFile;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;

/**
 * A sponsor side's witness: {@code truce witness key} makes its cosigner key;
 * {@code truce witness --key FILE --server URL --log-key VKEY} checks the log's newest
 * checkpoint against the one it cosigned last and cosigns it (see {@link Witness}). One
 * run per call, for cron; {@code --every} repeats until interrupted. No Spring context
 * and no store: only HTTP to the log.
 */
@Command(name = "witness", mixinStandardHelpOptions = true,
		description = {
				"Witness a Truce ledger for one side: verify the log's newest checkpoint (its signature, and"
						+ " its consistency with the checkpoint this witness cosigned last) and cosign it.",
				"Make a key first with 'truce witness key'." },
		subcommands = { WitnessCommand.KeyCommand.class }, exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:cosigned, or nothing new to cosign",
				"1:verification failed (bad signature, or a log inconsistent with what was cosigned: a fork)",
				"2:usage error",
				"3:server unreachable, or it refused the cosignature, or another run of this witness is under way" })
class WitnessCommand implements Callable<Integer> {

	static final int OK = 0;

	static final int VERIFICATION_FAILED = 1;

	static final int USAGE = 2;

	static final int SERVER_TROUBLE = 3;

	@Option(names = "--key", paramLabel = "FILE",
			description = "This witness's cosigner key (from 'truce witness key').")
	Path key;

	@Option(names = "--server", paramLabel = "URL", description = "The Truce server, e.g. https://truce.example/.")
	String server;

	@Option(names = "--log-key", paramLabel = "VKEY",
			description = "The log's verifier key (name+hexid+base64), obtained from the operator out of band.")
	String logKey;

	@Option(names = "--origin", paramLabel = "ORIGIN",
			description = "The log's origin line (default: the log key's name, which Truce makes its origin).")
	String origin;

	@Option(names = "--state", paramLabel = "FILE",
			description = "Where the last cosigned checkpoint is kept (default: the key file + '.state').")
	Path state;

	@Option(names = "--every", paramLabel = "SECONDS",
			description = "Run again every SECONDS until interrupted (Ctrl-C); stops at a verification failure.")
	Long every;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
			description = "HTTP timeout (default: ${DEFAULT-VALUE}).")
	long timeout;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		Witness witness;
		WitnessStateFile state;
		try {
			state = new WitnessStateFile(stateFile(), Clock.systemUTC());
			witness = witness(state);
		}
		catch (UsageException ex) {
			err.println("truce witness: " + ex.getMessage());
			err.flush();
			return USAGE;
		}
		while (true) {
			int code;
			try {
				code = runLocked(witness, state, out, err);
			}
			catch (UncheckedIOException ex) {
				err.println("truce witness: " + ex.getMessage() + " (" + ex.getCause().getMessage() + ")");
				err.flush();
				return USAGE;
			}
			if (this.every == null || code == VERIFICATION_FAILED) {
				return code;
			}
			try {
				Thread.sleep(this.every * 1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return code;
			}
		}
	}

	private static int runLocked(Witness witness, WitnessStateFile state, PrintWriter out, PrintWriter err) {
		Optional<AutoCloseable> lock = state.tryLock();
		if (lock.isEmpty()) {
			err.println("truce witness: another run of this witness holds " + state.file() + ".lock; not run.");
			err.flush();
			return SERVER_TROUBLE;
		}
		try {
			return report(witness.run(), out, err);
		}
		finally {
			try {
				lock.get().close();
			}
			catch (Exception ex) {
				// The operating system releases the lock when the process ends.
			}
		}
	}

	private Path stateFile() {
		if (this.key == null) {
			return Path.of("witness.state");
		}
		return this.state != null ? this.state : this.key.resolveSibling(this.key.getFileName() + ".state");
	}

	private Witness witness(WitnessStateFile state) {
		if (this.key == null || this.server == null || this.logKey == null) {
			throw new UsageException("give --key FILE, --server URL and --log-key VKEY"
					+ " (or 'truce witness key --name NAME --out FILE' to make a key).");
		}
		if (this.every != null && this.every < 1) {
			throw new UsageException("--every must be at least 1 second.");
		}
		if (this.timeout < 1) {
			throw new UsageException("--timeout must be at least 1 second.");
		}
		SignerKey signer;
		try {
			signer = SignerKey.parse(Files.readString(this.key, StandardCharsets.UTF_8));
		}
		catch (NoSuchFileException ex) {
			throw new UsageException("no such key file: " + this.key);
		}
		catch (IOException ex) {
			throw new UsageException("cannot read the key file " + this.key + ": " + ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(this.key + " is not a signer key: " + ex.getMessage());
		}
		if (signer.type() != SignatureType.COSIGNATURE_V1) {
			throw new UsageException(
					this.key + " is not a cosigner key (type 0x04); make one with 'truce witness key'.");
		}
		VerifierKey log;
		try {
			log = VerifierKey.parse(this.logKey);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--log-key: " + ex.getMessage());
		}
		if (log.type() != SignatureType.ED25519) {
			throw new UsageException("--log-key is not a log key (type 0x01): " + this.logKey);
		}
		URI base;
		try {
			base = URI.create(this.server);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--server is not a URL: " + this.server);
		}
		if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
			throw new UsageException("--server must be an http:// or https:// URL, not " + this.server);
		}
		return new Witness(signer, log, this.origin != null ? this.origin : log.name(),
				new HttpLogServer(base, Duration.ofSeconds(this.timeout)), state, Clock.systemUTC());
	}

	private static int report(WitnessRun run, PrintWriter out, PrintWriter err) {
		int code;
		if (run instanceof WitnessRun.Cosigned cosigned) {
			out.println("cosigned checkpoint " + cosigned.latest().size() + " of " + cosigned.latest().origin()
					+ " (root " + StandardBase64.encode(cosigned.latest().rootHash()) + ")"
					+ (cosigned.previous() == null ? "; first checkpoint seen, trusted on first use"
							: "; proved consistent with checkpoint " + cosigned.previous().size()
									+ " cosigned before"));
			code = OK;
		}
		else if (run instanceof WitnessRun.NothingNew nothing) {
			out.println("nothing new: " + nothing.reason());
			code = OK;
		}
		else if (run instanceof WitnessRun.VerificationFailed failed) {
			String banner = failed.fork() ? "!!! FORK: THE LOG CONTRADICTS A CHECKPOINT THIS WITNESS COSIGNED !!!"
					: "!!! VERIFICATION FAILED !!!";
			err.println(banner);
			err.println(failed.message());
			err.println("Not cosigned." + (failed.evidence() == null ? "" : " Evidence kept in " + failed.evidence()));
			err.println(banner);
			code = VERIFICATION_FAILED;
		}
		else {
			err.println("truce witness: " + ((WitnessRun.ServerTrouble) run).message());
			code = SERVER_TROUBLE;
		}
		out.flush();
		err.flush();
		return code;
	}

	@Command(name = "key", mixinStandardHelpOptions = true,
			description = { "Make a witness's cosigner key (Ed25519, c2sp.org/tlog-cosignature type 0x04).",
					"Prints the verifier key to give the server in truce.ledger.witnesses." },
			exitCodeListHeading = "Exit codes:%n", exitCodeList = { "0:key written", "2:usage error" })
	static class KeyCommand implements Callable<Integer> {

		@Option(names = "--name", required = true, paramLabel = "NAME",
				description = "The witness's name, e.g. witness.side-a.example (no spaces, no '+').")
		String name;

		@Option(names = "--out", required = true, paramLabel = "FILE",
				description = "Where to write the secret key (mode 0600); never overwritten.")
		Path out;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter err = this.spec.commandLine().getErr();
			SignerKey key;
			try {
				key = SignerKey.generate(this.name, SignatureType.COSIGNATURE_V1);
			}
			catch (IllegalArgumentException ex) {
				err.println("truce witness key: " + ex.getMessage());
				err.flush();
				return USAGE;
			}
			try {
				writeSecret(this.out, key.encoded() + "\n");
			}
			catch (FileAlreadyExistsException ex) {
				err.println("truce witness key: " + this.out + " exists; refusing to overwrite a key.");
				err.flush();
				return USAGE;
			}
			catch (IOException ex) {
				err.println("truce witness key: cannot write " + this.out + ": " + ex.getMessage());
				err.flush();
				return USAGE;
			}
			PrintWriter out = this.spec.commandLine().getOut();
			out.println(key.verifierKey().encoded());
			out.flush();
			err.println("Wrote the cosigner key to " + this.out + " (keep it secret). Add the verifier key above to the"
					+ " server's truce.ledger.witnesses.");
			err.flush();
			return OK;
		}

		/** Creates the file readable and writable by its owner only, then writes it. */
		private static void writeSecret(Path file, String text) throws IOException {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions
					.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
			}
			else {
				Files.createFile(file);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}

	}

	/** A usage error found by this command itself: exit code 2. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
