package org.truce.ledger.model;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A salted commitment to a text: lowercase hex of SHA-256(salt || "." || UTF-8 text),
 * where the salt is 32 lowercase hex characters (16 random bytes).
 *
 * <p>
 * The ledger is open to everyone, while a request's question and answer are for the
 * monitors, the co-chairs and the party only; so its entries carry commitments, not the
 * texts. A bare SHA-256 of a short answer ("No.", "Denied.") could be found by hashing
 * guesses; the salt, kept in the store and shown only with the text, prevents that. Who
 * sees the text and its salt can check it against the ledger; nobody else learns it.
 */
public final class SaltedCommitment {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SaltedCommitment() {
	}

	public static String newSalt() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return HexFormat.of().formatHex(salt);
	}

	public static String of(String salt, String text) {
		return HexFormat.of().formatHex(MerkleHashes.sha256((salt + "." + text).getBytes(StandardCharsets.UTF_8)));
	}

}
