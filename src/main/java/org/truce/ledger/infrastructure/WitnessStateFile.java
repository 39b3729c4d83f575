package org.truce.ledger.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.truce.ledger.application.WitnessMemory;

/**
 * A witness's memory in a file: the signed note of the checkpoint it cosigned last,
 * replaced atomically (written beside it, then renamed) so that a crash leaves either the
 * old or the new one. Evidence goes into files beside it,
 * {@code <state file>.evidence-<UTC time>.txt}.
 */
public final class WitnessStateFile implements WitnessMemory {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final Path file;

	private final Clock clock;

	public WitnessStateFile(Path file, Clock clock) {
		this.file = file.toAbsolutePath();
		this.clock = clock;
	}

	public Path file() {
		return this.file;
	}

	/**
	 * Takes the lock that keeps two runs of one witness (cron and a loop, say) from
	 * interleaving, or empty if another process holds it. A run that remembered an older
	 * checkpoint after a newer one would make the next run cry fork.
	 */
	public Optional<AutoCloseable> tryLock() {
		Path lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
		try {
			Files.createDirectories(lockFile.getParent());
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				return Optional.empty();
			}
			FileLock held = lock;
			return Optional.of(() -> {
				held.release();
				channel.close();
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot lock " + lockFile, ex);
		}
	}

	@Override
	public Optional<String> lastCosigned() {
		try {
			return Optional.of(Files.readString(this.file, StandardCharsets.UTF_8));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the witness state " + this.file, ex);
		}
	}

	@Override
	public void remember(String cosignedNote) {
		try {
			Path dir = this.file.getParent();
			Files.createDirectories(dir);
			Path partial = Files.createTempFile(dir, this.file.getFileName().toString(), ".partial");
			try {
				Files.writeString(partial, cosignedNote, StandardCharsets.UTF_8);
				Files.move(partial, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the witness state " + this.file, ex);
		}
	}

	@Override
	public String keepEvidence(String evidence) {
		String stamp = STAMP.format(this.clock.instant());
		Path target = this.file.resolveSibling(this.file.getFileName() + ".evidence-" + stamp + ".txt");
		for (int n = 2; Files.exists(target); n++) {
			target = this.file.resolveSibling(this.file.getFileName() + ".evidence-" + stamp + "-" + n + ".txt");
		}
		try {
			Files.createDirectories(target.getParent());
			Files.writeString(target, evidence, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot keep the evidence in " + target, ex);
		}
		return target.toString();
	}

}
