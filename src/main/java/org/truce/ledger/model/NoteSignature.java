package org.truce.ledger.model;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One signature line of a signed note, {@code — <key name> <base64(key ID || signature)>}
 * (an em dash, U+2014, and a space first). {@code signature} is the bytes after the
 * 4-byte big-endian key ID. Immutable.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

	/** The em dash and space that start every signature line. */
	public static final String PREFIX = "\u2014 ";

	public NoteSignature {
		KeyNames.check(keyName);
		if (signature == null || signature.length == 0) {
			throw new IllegalArgumentException("A note signature has at least one byte after the key ID");
		}
		signature = signature.clone();
	}

	/**
	 * Reads one signature line, without its final newline.
	 * @throws IllegalArgumentException if it is malformed
	 */
	public static NoteSignature parse(String line) {
		if (!line.startsWith(PREFIX)) {
			throw new IllegalArgumentException("A signature line starts with an em dash and a space");
		}
		String rest = line.substring(PREFIX.length());
		int space = rest.indexOf(' ');
		if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
			throw new IllegalArgumentException("A signature line is '\u2014 <key name> <base64>'");
		}
		byte[] bytes = StandardBase64.decode(rest.substring(space + 1));
		if (bytes.length < 5) {
			throw new IllegalArgumentException("A signature holds a 4-byte key ID and a signature");
		}
		return new NoteSignature(rest.substring(0, space), ByteBuffer.wrap(bytes).getInt(),
				Arrays.copyOfRange(bytes, 4, bytes.length));
	}

	@Override
	public byte[] signature() {
		return this.signature.clone();
	}

	/** The line, with its final newline. */
	public String line() {
		ByteBuffer bytes = ByteBuffer.allocate(4 + this.signature.length).putInt(this.keyId).put(this.signature);
		return PREFIX + this.keyName + " " + StandardBase64.encode(bytes.array()) + "\n";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof NoteSignature s && this.keyName.equals(s.keyName) && this.keyId == s.keyId
				&& Arrays.equals(this.signature, s.signature);
	}

	@Override
	public int hashCode() {
		return this.keyName.hashCode() * 31 + this.keyId + Arrays.hashCode(this.signature);
	}

	@Override
	public String toString() {
		return line().strip();
	}

}
