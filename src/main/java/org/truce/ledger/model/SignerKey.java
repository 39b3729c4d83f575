package org.truce.ledger.model;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A private key that signs notes, with its name and signature type. Its text form is the
 * one Go's {@code golang.org/x/mod/sumdb/note} uses for signer keys:
 * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type byte || 32-byte Ed25519 seed)>}.
 * Keep that text secret (a file of mode 0600). {@link #toString()} does not reveal it.
 * Immutable and thread safe.
 */
public final class SignerKey {

	private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

	private final VerifierKey verifierKey;

	private final KeyPair pair;

	private SignerKey(String name, SignatureType type, KeyPair pair) {
		this.verifierKey = new VerifierKey(name, type, Ed25519.raw(pair.getPublic()));
		this.pair = pair;
	}

	/** A new random key. */
	public static SignerKey generate(String name, SignatureType type) {
		return new SignerKey(name, type, Ed25519.generate());
	}

	/** The key with this 32-byte Ed25519 seed (RFC 8032 private key). */
	public static SignerKey fromSeed(String name, SignatureType type, byte[] seed) {
		return new SignerKey(name, type, Ed25519.fromSeed(seed));
	}

	/**
	 * Reads {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>}.
	 * @throws IllegalArgumentException if it is malformed or its key ID does not match
	 */
	public static SignerKey parse(String text) {
		String trimmed = text.strip();
		if (!trimmed.startsWith(PRIVATE_KEY_PREFIX)) {
			throw new IllegalArgumentException("A signer key starts with PRIVATE+KEY+");
		}
		String[] parts = trimmed.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
		if (parts.length != 3 || parts[1].length() != 8
				|| !parts[1].chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("A signer key is PRIVATE+KEY+name+hexid+base64");
		}
		byte[] material = StandardBase64.decode(parts[2]);
		if (material.length != 1 + Ed25519.KEY_LENGTH) {
			throw new IllegalArgumentException("A signer key holds a type byte and a 32-byte Ed25519 seed");
		}
		SignatureType type = SignatureType.of(material[0]);
		if (type == null) {
			throw new IllegalArgumentException(
					"Unsupported signature type 0x" + HexFormat.of().toHexDigits(material[0]));
		}
		byte[] seed = Arrays.copyOfRange(material, 1, material.length);
		SignerKey key = fromSeed(parts[0], type, seed);
		Arrays.fill(seed, (byte) 0);
		Arrays.fill(material, (byte) 0);
		if (key.verifierKey.keyId() != (int) Long.parseLong(parts[1], 16)) {
			throw new IllegalArgumentException("The key ID " + parts[1] + " does not match the key");
		}
		return key;
	}

	/** The secret text form (see the class comment). */
	public String encoded() {
		byte[] seed = Ed25519.seed(this.pair.getPrivate());
		byte[] material = new byte[1 + seed.length];
		material[0] = this.verifierKey.type().id();
		System.arraycopy(seed, 0, material, 1, seed.length);
		Arrays.fill(seed, (byte) 0);
		return PRIVATE_KEY_PREFIX + name() + "+" + this.verifierKey.hexKeyId() + "+" + StandardBase64.encode(material);
	}

	public String name() {
		return this.verifierKey.name();
	}

	public SignatureType type() {
		return this.verifierKey.type();
	}

	public VerifierKey verifierKey() {
		return this.verifierKey;
	}

	/**
	 * A plain Ed25519 signature of the note text (type 0x01 keys only; cosigners use
	 * {@link Cosignature#sign}).
	 */
	public NoteSignature sign(String noteText) {
		if (type() != SignatureType.ED25519) {
			throw new IllegalStateException("A " + type() + " key signs with Cosignature.sign");
		}
		return new NoteSignature(name(), this.verifierKey.keyId(),
				signBytes(noteText.getBytes(StandardCharsets.UTF_8)));
	}

	byte[] signBytes(byte[] message) {
		return Ed25519.sign(this.pair.getPrivate(), message);
	}

	@Override
	public String toString() {
		return "SignerKey[" + this.verifierKey.encoded() + "]";
	}

}
