package org.truce.ledger.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One change to the record, as the ledger keeps it: its kind (such as {@code report},
 * {@code agreement-version}, {@code import}), the id of what it is about, and its body, a
 * JSON value of maps, lists, strings, numbers, booleans and nulls. The entry's bytes are
 * the RFC 8785 canonical JSON of {@link #document()}; its leaf hash is RFC 6962's
 * SHA-256(0x00 || bytes).
 */
public record LedgerEntry(String kind, String subject, Map<String, Object> body) {

	public LedgerEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(body, "body");
	}

	/** The JSON object that is canonicalised and hashed. */
	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("kind", this.kind);
		document.put("subject", this.subject);
		document.put("body", this.body);
		return document;
	}

	public byte[] canonicalBytes() {
		return CanonicalJson.utf8(document());
	}

	/**
	 * The entry ready to append: its canonical JSON text and leaf hash, which are the
	 * costly part of an append and may be computed on any thread beforehand.
	 */
	public Encoded encode() {
		String text = CanonicalJson.serialize(document());
		return new Encoded(this.kind, this.subject, text, MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * An entry encoded for appending.
	 *
	 * @param canonicalJson the RFC 8785 canonical JSON of the entry's document
	 * @param leafHash SHA-256(0x00 || the UTF-8 bytes of {@code canonicalJson})
	 */
	public record Encoded(String kind, String subject, String canonicalJson, byte[] leafHash) {

		public Encoded {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(canonicalJson, "canonicalJson");
			MerkleHashes.requireHash(leafHash, "leaf hash");
		}

	}

}
