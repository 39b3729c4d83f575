package org.truce.ledger.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
				SignerKey key = SignerKey.generate(origin, SignatureType.ED25519);
				Path partial = dir.resolve(KEY + ".new");
				Files.deleteIfExists(partial);
				if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.createFile(partial,
							PosixFilePermissions
								.asFileAttribute(EnumSet.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
										java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
				}
				Files.writeString(partial, key.encoded() + "\n", StandardCharsets.UTF_8);
				try {
					Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
				}
				catch (FileAlreadyExistsException ex) {
					Files.deleteIfExists(partial);
				}
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

}
