package org.truce.ledger.model;

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

}
