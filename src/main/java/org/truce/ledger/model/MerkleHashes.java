package org.truce.ledger.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 6962 §2.1 (and RFC 9162 §2.1.1) with SHA-256: a leaf is
 * {@code SHA-256(0x00 || data)}, an interior node {@code SHA-256(0x01 || left || right)}
 * and the root of the empty tree {@code SHA-256("")}. The two prefixes keep leaves and
 * nodes from ever colliding (second-preimage resistance).
 *
 * <p>
 * Thread safe: each thread uses its own {@link MessageDigest}.
 */
public final class MerkleHashes {

	/** Every hash here is 32 bytes. */
	public static final int LENGTH = 32;

	private static final byte LEAF_PREFIX = 0x00;

	private static final byte NODE_PREFIX = 0x01;

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHashes::newDigest);

	private static final byte[] EMPTY_ROOT = sha256(new byte[0]);

	private MerkleHashes() {
	}

	/** {@code SHA-256(0x00 || data)}. */
	public static byte[] leafHash(byte[] data) {
		MessageDigest digest = SHA256.get();
		digest.update(LEAF_PREFIX);
		return digest.digest(data);
	}

	/** {@code SHA-256(0x01 || left || right)}; both must be 32 bytes. */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		requireHash(left, "left");
		requireHash(right, "right");
		MessageDigest digest = SHA256.get();
		digest.update(NODE_PREFIX);
		digest.update(left);
		return digest.digest(right);
	}

	/** The root of the empty tree, {@code SHA-256("")} (a fresh copy). */
	public static byte[] emptyRoot() {
		return EMPTY_ROOT.clone();
	}

	public static byte[] sha256(byte[] data) {
		return SHA256.get().digest(data);
	}

	/** Whether {@code bytes} has the length of a hash. */
	public static boolean isHash(byte[] bytes) {
		return bytes != null && bytes.length == LENGTH;
	}

	/**
	 * Whether {@code a} and {@code b} are the same hash: both must be 32 bytes long
	 * (checked first) and equal as compared by {@link MessageDigest#isEqual}.
	 */
	public static boolean same(byte[] a, byte[] b) {
		return isHash(a) && isHash(b) && MessageDigest.isEqual(a, b);
	}

	static void requireHash(byte[] hash, String what) {
		if (!isHash(hash)) {
			throw new IllegalArgumentException(what + " must be a " + LENGTH + "-byte hash, not "
					+ (hash == null ? "null" : hash.length + " bytes"));
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK provides no SHA-256", ex);
		}
	}

}
