package org.truce.ledger.model;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 (RFC 8032) with nothing but the JDK's SunEC provider, and the conversions
 * between the raw 32-byte keys that signed notes use and the JDK's encodings: X.509
 * SubjectPublicKeyInfo for public keys ({@code 302a300506032b6570032100 || key}) and PKCS
 * #8 for private keys ({@code 302e020100300506032b657004220420 || seed}). Thread safe.
 */
public final class Ed25519 {

	/** Raw public keys, private seeds: 32 bytes. */
	public static final int KEY_LENGTH = 32;

	/** Signatures: 64 bytes. */
	public static final int SIGNATURE_LENGTH = 64;

	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private Ed25519() {
	}

	/** A new key pair from the JDK's default {@link SecureRandom}. */
	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK provides no Ed25519", ex);
		}
	}

	/**
	 * The key pair whose private key is the 32-byte {@code seed} (RFC 8032's private
	 * key).
	 *
	 * <p>
	 * The JDK 17 API cannot compute a public key from a private key, but its Ed25519
	 * key-pair generator draws exactly the 32-byte private key from the random source it
	 * is given; this hands it the seed. The result is checked (its private key must
	 * encode the seed, and it must verify its own signature), so a JDK that generated
	 * keys another way fails loudly here instead of producing a wrong key.
	 */
	public static KeyPair fromSeed(byte[] seed) {
		if (seed == null || seed.length != KEY_LENGTH) {
			throw new IllegalArgumentException("An Ed25519 seed is 32 bytes");
		}
		KeyPair pair;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
			pair = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK provides no Ed25519", ex);
		}
		byte[] probe = "truce key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(seed(pair.getPrivate()), seed)
				|| !verify(pair.getPublic(), probe, sign(pair.getPrivate(), probe))) {
			throw new IllegalStateException("This JDK did not derive the Ed25519 key pair from the seed");
		}
		return pair;
	}

	/** The JDK public key for a raw 32-byte Ed25519 public key. */
	public static PublicKey publicKey(byte[] raw) {
		if (raw == null || raw.length != KEY_LENGTH) {
			throw new IllegalArgumentException("An Ed25519 public key is 32 bytes");
		}
		try {
			return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(SPKI_PREFIX, raw)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 public key: " + ex.getMessage(), ex);
		}
	}

	/** The raw 32 bytes of an Ed25519 public key. */
	public static byte[] raw(PublicKey key) {
		return strip(key.getEncoded(), SPKI_PREFIX, "public");
	}

	/** The JDK private key for a 32-byte seed. */
	public static PrivateKey privateKey(byte[] seed) {
		if (seed == null || seed.length != KEY_LENGTH) {
			throw new IllegalArgumentException("An Ed25519 seed is 32 bytes");
		}
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not an Ed25519 private key: " + ex.getMessage(), ex);
		}
	}

	/** The 32-byte seed of an Ed25519 private key. */
	public static byte[] seed(PrivateKey key) {
		return strip(key.getEncoded(), PKCS8_PREFIX, "private");
	}

	public static byte[] sign(PrivateKey key, byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed", ex);
		}
	}

	/**
	 * Whether {@code signature} (64 bytes) is {@code key}'s signature of {@code message}.
	 */
	public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
		if (signature == null || signature.length != SIGNATURE_LENGTH) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (SignatureException | InvalidKeyException ex) {
			return false;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK provides no Ed25519", ex);
		}
	}

	private static byte[] strip(byte[] encoded, byte[] prefix, String what) {
		if (encoded == null || encoded.length != prefix.length + KEY_LENGTH
				|| !Arrays.equals(encoded, 0, prefix.length, prefix, 0, prefix.length)) {
			throw new IllegalArgumentException("Not a plain Ed25519 " + what + " key encoding");
		}
		return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	/** A "random" source that yields the given bytes once. */
	private static final class FixedBytes extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private transient byte[] bytes;

		FixedBytes(byte[] bytes) {
			this.bytes = bytes.clone();
		}

		@Override
		public void nextBytes(byte[] out) {
			if (this.bytes == null || out.length != this.bytes.length) {
				throw new IllegalStateException("Unexpected draw of " + out.length + " random bytes");
			}
			System.arraycopy(this.bytes, 0, out, 0, out.length);
			Arrays.fill(this.bytes, (byte) 0);
			this.bytes = null;
		}

	}

}
