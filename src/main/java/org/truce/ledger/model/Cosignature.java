package org.truce.ledger.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Ed25519 cosignatures of c2sp.org/tlog-cosignature (v1, signature type 0x04), by which a
 * witness states that, as of a time, this checkpoint is the largest consistent tree head
 * it has seen for the log. The signature line is an ordinary note signature whose bytes
 * are an 8-byte big-endian POSIX timestamp followed by a 64-byte Ed25519 signature of
 * {@link #message}. The key ID uses type byte 0x04, so a witness's key ID differs from
 * the ID the same key would have as a log key.
 */
public final class Cosignature {

	private Cosignature() {
	}

	/**
	 * The signed message: {@code "cosignature/v1\n"}, {@code "time <timestamp>\n"} (ASCII
	 * decimal, no leading zeros) and the whole checkpoint text, extension lines and final
	 * newline included.
	 */
	public static byte[] message(String checkpointText, long timestamp) {
		if (timestamp < 0) {
			throw new IllegalArgumentException("A cosignature timestamp is between 0 and 2^63 - 1");
		}
		return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The cosigner's signature line for the checkpoint text at {@code timestamp} (POSIX
	 * seconds). Checking the checkpoint's consistency with what the witness saw before is
	 * the caller's job.
	 */
	public static NoteSignature sign(SignerKey cosigner, String checkpointText, long timestamp) {
		if (cosigner.type() != SignatureType.COSIGNATURE_V1) {
			throw new IllegalArgumentException("A cosigner key has signature type 0x04, not " + cosigner.type());
		}
		byte[] signature = cosigner.signBytes(message(checkpointText, timestamp));
		byte[] bytes = ByteBuffer.allocate(8 + signature.length).putLong(timestamp).put(signature).array();
		return new NoteSignature(cosigner.name(), cosigner.verifierKey().keyId(), bytes);
	}

	/** The note with the cosigner's signature line added. */
	public static Note cosign(Note checkpoint, SignerKey cosigner, long timestamp) {
		return checkpoint.withSignature(sign(cosigner, checkpoint.text(), timestamp));
	}

	/**
	 * The timestamp a cosignature line claims (not verified here).
	 * @throws IllegalArgumentException if the line is not 72 bytes long
	 */
	public static long timestamp(NoteSignature signature) {
		byte[] bytes = signature.signature();
		if (bytes.length != SignatureType.COSIGNATURE_V1.signatureLength()) {
			throw new IllegalArgumentException("A cosignature is 8 + 64 bytes, not " + bytes.length);
		}
		return ByteBuffer.wrap(bytes).getLong();
	}

}
