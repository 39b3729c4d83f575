package org.truce.ledger.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one
 * or more signature lines. The signatures cover the text's UTF-8 bytes, final newline
 * included. Immutable.
 */
public record Note(String text, List<NoteSignature> signatures) {

	/** Notes with more signatures are rejected (the spec asks for at least 16). */
	public static final int MAX_SIGNATURES = 100;

	/** Notes longer than this (in UTF-8) are rejected. */
	public static final int MAX_BYTES = 1 << 20;

	public Note {
		checkCharacters(text);
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("The note text must end with a newline");
		}
		signatures = List.copyOf(signatures);
		if (signatures.size() > MAX_SIGNATURES) {
			throw new IllegalArgumentException("More than " + MAX_SIGNATURES + " signatures");
		}
	}

	/** An unsigned note; add signatures with {@link #withSignature}. */
	public static Note unsigned(String text) {
		return new Note(text, List.of());
	}

	/**
	 * Reads a signed note from its UTF-8 bytes.
	 * @throws IllegalArgumentException if they are not valid UTF-8 or not a signed note
	 */
	public static Note parse(byte[] utf8) {
		if (utf8.length > MAX_BYTES) {
			throw new IllegalArgumentException("The note is longer than " + MAX_BYTES + " bytes");
		}
		try {
			return parse(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(utf8))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("The note is not valid UTF-8", ex);
		}
	}

	/**
	 * Reads a signed note. The text ends at the last blank line; every line after it must
	 * be a signature line, and there must be at least one.
	 * @throws IllegalArgumentException if it is not a signed note
	 */
	public static Note parse(String note) {
		checkCharacters(note);
		if (!note.endsWith("\n")) {
			throw new IllegalArgumentException("A signed note ends with a newline");
		}
		int blank = note.lastIndexOf("\n\n");
		if (blank < 0) {
			throw new IllegalArgumentException("A signed note has a blank line before its signatures");
		}
		String text = note.substring(0, blank + 1);
		String block = note.substring(blank + 2);
		if (block.isEmpty()) {
			throw new IllegalArgumentException("A signed note has at least one signature");
		}
		List<NoteSignature> signatures = new ArrayList<>();
		for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
			if (signatures.size() == MAX_SIGNATURES) {
				throw new IllegalArgumentException("More than " + MAX_SIGNATURES + " signatures");
			}
			signatures.add(NoteSignature.parse(line));
		}
		return new Note(text, signatures);
	}

	/** The note with one more signature line at the end. */
	public Note withSignature(NoteSignature signature) {
		List<NoteSignature> all = new ArrayList<>(this.signatures);
		all.add(signature);
		return new Note(this.text, all);
	}

	/** The whole signed note: text, blank line, signature lines. */
	public String encoded() {
		if (this.signatures.isEmpty()) {
			throw new IllegalStateException("An unsigned note has no signed form");
		}
		StringBuilder out = new StringBuilder(this.text).append('\n');
		this.signatures.forEach((s) -> out.append(s.line()));
		return out.toString();
	}

	/**
	 * Verifies the note against trusted keys, as c2sp.org/signed-note "Signatures" says:
	 * lines from unknown keys (name and key ID not both matching a trusted key) are
	 * ignored; a line from a trusted key that does not verify rejects the whole note; and
	 * at least one trusted key's signature must verify.
	 */
	public NoteVerdict verify(Collection<VerifierKey> trusted) {
		List<VerifierKey> verified = new ArrayList<>();
		for (NoteSignature signature : this.signatures) {
			for (VerifierKey key : trusted) {
				if (key.matches(signature)) {
					if (!key.verifies(this.text, signature.signature())) {
						return new NoteVerdict.Rejected(NoteFailure.BAD_SIGNATURE, key.name() + "+" + key.hexKeyId());
					}
					if (!verified.contains(key)) {
						verified.add(key);
					}
				}
			}
		}
		if (verified.isEmpty()) {
			return new NoteVerdict.Rejected(NoteFailure.NO_KNOWN_SIGNATURE,
					"none of " + this.signatures.size() + " signature lines is by a trusted key");
		}
		return new NoteVerdict.Verified(this, verified);
	}

	/**
	 * Valid Unicode (no lone surrogate) without ASCII controls other than the newline.
	 */
	private static void checkCharacters(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\n') {
				throw new IllegalArgumentException("A note contains no control character but newline, found U+"
						+ String.format("%04X", (int) c) + " at " + i);
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException("A note is valid UTF-8; found a lone surrogate at " + i);
			}
		}
	}

}
