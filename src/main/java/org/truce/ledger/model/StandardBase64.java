package org.truce.ledger.model;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4, with padding), decoded strictly: only the canonical
 * encoding of some bytes is accepted, so one value has exactly one text form. (The JDK's
 * decoder alone also accepts missing padding and non-zero trailing bits.)
 */
public final class StandardBase64 {

	private StandardBase64() {
	}

	public static String encode(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * The bytes {@code text} encodes.
	 * @throws IllegalArgumentException if {@code text} is not canonical standard base64
	 */
	public static byte[] decode(String text) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Not base64: " + ex.getMessage(), ex);
		}
		if (!encode(bytes).equals(text)) {
			throw new IllegalArgumentException("Not canonical standard base64 (padding or trailing bits)");
		}
		return bytes;
	}

}
