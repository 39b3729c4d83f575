package org.truce.ledger.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A public key that verifies signed-note signatures, written in the verifier key format
 * of c2sp.org/signed-note: {@code <name>+<hex key ID>+<base64(type byte || public key)>}.
 * Supports Ed25519 (type 0x01, a log's checkpoint signatures) and Ed25519 cosignatures
 * (type 0x04, c2sp.org/tlog-cosignature).
 *
 * <p>
 * The key ID is {@code SHA-256(name || 0x0A || type || public key)[:4]}, read as a
 * big-endian uint32; a verifier key whose written ID differs from that is rejected.
 * Immutable.
 */
public record VerifierKey(String name, SignatureType type, byte[] publicKey) {

	public VerifierKey {
		KeyNames.check(name);
		if (type == null) {
			throw new IllegalArgumentException("A verifier key needs a signature type");
		}
		if (publicKey == null || publicKey.length != Ed25519.KEY_LENGTH) {
			throw new IllegalArgumentException("An Ed25519 public key is 32 bytes");
		}
		publicKey = publicKey.clone();
	}

	/** The log's key for plain Ed25519 note signatures (type 0x01). */
	public static VerifierKey ed25519(String name, byte[] publicKey) {
		return new VerifierKey(name, SignatureType.ED25519, publicKey);
	}

	/** A witness's key for tlog-cosignature/v1 (type 0x04). */
	public static VerifierKey cosigner(String name, byte[] publicKey) {
		return new VerifierKey(name, SignatureType.COSIGNATURE_V1, publicKey);
	}

	/**
	 * Reads {@code <name>+<hex key ID>+<base64(type || key)>}. The text is cut at its
	 * first two plus signs (the base64 may contain more).
	 * @throws IllegalArgumentException if it is malformed, of an unsupported type, or its
	 * ID is not the one its name, type and key give
	 */
	public static VerifierKey parse(String text) {
		String[] parts = text.strip().split("\\+", 3);
		if (parts.length != 3) {
			throw new IllegalArgumentException("A verifier key is name+hexid+base64, not " + text);
		}
		String hex = parts[1];
		if (hex.length() != 8 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0)) {
			throw new IllegalArgumentException("A verifier key ID is 8 hexadecimal digits, not " + hex);
		}
		int id = (int) Long.parseLong(hex, 16);
		byte[] material = StandardBase64.decode(parts[2]);
		if (material.length != 1 + Ed25519.KEY_LENGTH) {
			throw new IllegalArgumentException(
					"A verifier key holds a type byte and a 32-byte Ed25519 key, not " + material.length + " bytes");
		}
		SignatureType type = SignatureType.of(material[0]);
		if (type == null) {
			throw new IllegalArgumentException(
					"Unsupported signature type 0x" + HexFormat.of().toHexDigits(material[0]));
		}
		VerifierKey key = new VerifierKey(parts[0], type, Arrays.copyOfRange(material, 1, material.length));
		if (key.keyId() != id) {
			throw new IllegalArgumentException(
					"The key ID " + hex + " does not match the key (it should be " + key.hexKeyId() + ")");
		}
		return key;
	}

	/** {@code SHA-256(name || 0x0A || type || publicKey)[:4]} as a big-endian uint32. */
	public static int keyId(String name, SignatureType type, byte[] publicKey) {
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		ByteBuffer input = ByteBuffer.allocate(nameBytes.length + 2 + publicKey.length);
		input.put(nameBytes).put((byte) 0x0A).put(type.id()).put(publicKey);
		return ByteBuffer.wrap(MerkleHashes.sha256(input.array())).getInt();
	}

	public int keyId() {
		return keyId(this.name, this.type, this.publicKey);
	}

	public String hexKeyId() {
		return String.format("%08x", keyId());
	}

	@Override
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	public PublicKey jdkPublicKey() {
		return Ed25519.publicKey(this.publicKey);
	}

	/** The text form, {@code name+hexid+base64(type || key)}. */
	public String encoded() {
		byte[] material = new byte[1 + this.publicKey.length];
		material[0] = this.type.id();
		System.arraycopy(this.publicKey, 0, material, 1, this.publicKey.length);
		return this.name + "+" + hexKeyId() + "+" + StandardBase64.encode(material);
	}

	/** Whether {@code signature} claims to be by this key (same name and key ID). */
	public boolean matches(NoteSignature signature) {
		return this.name.equals(signature.keyName()) && keyId() == signature.keyId();
	}

	/**
	 * Whether {@code signature} (the bytes after the key ID) is this key's signature of
	 * the note text: plain Ed25519 over the text for type 0x01; for type 0x04 an 8-byte
	 * big-endian timestamp (at most 2^63 - 1) followed by Ed25519 over
	 * {@link Cosignature#message}.
	 */
	public boolean verifies(String noteText, byte[] signature) {
		if (signature == null || signature.length != this.type.signatureLength()) {
			return false;
		}
		byte[] text = noteText.getBytes(StandardCharsets.UTF_8);
		return switch (this.type) {
			case ED25519 -> Ed25519.verify(jdkPublicKey(), text, signature);
			case COSIGNATURE_V1 -> {
				long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
				yield timestamp >= 0 && Ed25519.verify(jdkPublicKey(), Cosignature.message(noteText, timestamp),
						Arrays.copyOfRange(signature, 8, signature.length));
			}
		};
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VerifierKey key && this.name.equals(key.name) && this.type == key.type
				&& MessageDigest.isEqual(this.publicKey, key.publicKey);
	}

	@Override
	public int hashCode() {
		return this.name.hashCode() * 31 + Arrays.hashCode(this.publicKey) + this.type.hashCode();
	}

	@Override
	public String toString() {
		return encoded();
	}

}
