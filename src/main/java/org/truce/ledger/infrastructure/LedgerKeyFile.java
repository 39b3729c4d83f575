package org.truce.ledger.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;

/**
 * The log's signing key, kept in the data directory as {@code ledger.key} (mode 0600,
 * readable by its owner only) with its public verifier key beside it in
 * {@code ledger.pub}. Generated at first start; several instances sharing a database must
 * be given the same key file.
 */
final class LedgerKeyFile {

	static final String KEY = "ledger.key";

	static final String PUBLIC = "ledger.pub";

	private LedgerKeyFile() {
	}

	/** The key in {@code dir}, generated for {@code origin} when there is none yet. */
	static SignerKey loadOrCreate(Path dir, String origin) {
		Path file = dir.resolve(KEY);
		try {
			Files.createDirectories(dir);
			if (!Files.exists(file)) {
				create(dir, file, origin);
			}
			SignerKey key = SignerKey.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (!key.name().equals(origin)) {
				throw new IllegalStateException("the ledger key in " + file + " is for the log '" + key.name()
						+ "', but this deployment's origin is '" + origin + "'");
			}
			Files.writeString(dir.resolve(PUBLIC), key.verifierKey().encoded() + "\n", StandardCharsets.UTF_8);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the ledger key " + file, ex);
		}
	}

	/**
	 * Writes a new key to a file of its own and links it into place, which fails if the
	 * key file exists: of instances that start together on one data directory, exactly
	 * one key wins and every instance then reads that one.
	 */
	private static void create(Path dir, Path file, String origin) throws IOException {
		SignerKey key = SignerKey.generate(origin, SignatureType.ED25519);
		Path partial = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
				? Files.createTempFile(dir, KEY + ".", ".new",
						PosixFilePermissions.asFileAttribute(
								EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
				: Files.createTempFile(dir, KEY + ".", ".new");
		try {
			Files.writeString(partial, key.encoded() + "\n", StandardCharsets.UTF_8);
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			try {
				Files.createLink(file, partial);
			}
			catch (UnsupportedOperationException ex) {
				// No hard links here: a plain move never replaces an existing key either.
				Files.move(partial, file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Another instance created the key first; use that one.
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

}
