package org.truce.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the hash of Truce's digests, and its lower-case hex. The ledger's model
 * ({@code MerkleHashes}, which salted commitments use too) keeps its own, because it
 * depends on the JDK only, so that an exported log can be verified without the rest of
 * Truce.
 */
public final class Sha256 {

	private Sha256() {
	}

	/** A new SHA-256 digest, for input that comes in parts. */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK provides no SHA-256", ex);
		}
	}

	/** Lower-case hex of the SHA-256 of the bytes. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/** Lower-case hex of the SHA-256 of the text's UTF-8 bytes. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex of what the digest was given, which resets it. */
	public static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

}
