package org.truce.ledger.model;

/**
 * The signed-note signature types Truce uses (c2sp.org/signed-note, "Signature types").
 * The type byte goes into the key ID and the verifier key, so one key pair used for two
 * types has two distinct IDs.
 */
public enum SignatureType {

	/** 0x01: plain Ed25519 over the note text; the log signs its checkpoints this way. */
	ED25519((byte) 0x01, 64),

	/**
	 * 0x04: timestamped Ed25519 cosignatures of c2sp.org/tlog-cosignature (v1); the
	 * signature is an 8-byte big-endian timestamp and 64 bytes of Ed25519.
	 */
	COSIGNATURE_V1((byte) 0x04, 72);

	private final byte id;

	private final int signatureLength;

	SignatureType(byte id, int signatureLength) {
		this.id = id;
		this.signatureLength = signatureLength;
	}

	public byte id() {
		return this.id;
	}

	/** The length of the signature bytes that follow the 4-byte key ID. */
	public int signatureLength() {
		return this.signatureLength;
	}

	/** The type with this identifier byte, or null if Truce does not support it. */
	public static SignatureType of(byte id) {
		for (SignatureType type : values()) {
			if (type.id == id) {
				return type;
			}
		}
		return null;
	}

}
