package org.truce.ledger.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One change to the record, as the ledger keeps it: its kind (such as {@code report},
 * {@code agreement-version}, {@code import}), the id of what it is about, and its body, a
 * JSON value of maps, lists, strings, numbers, booleans and nulls. The entry's bytes are
 * the RFC 8785 canonical JSON of {@link #document()}; its leaf hash is RFC 6962's
 * SHA-256(0x00 || bytes).
 *
 * <p>
 * An entry made by {@link #committing} has a body of salted commitments,
 * {@code {"commitments": {group: commitment, ...}}}, and carries their openings, the
 * {@link Disclosure}s, which are stored beside the log, not in it.
 *
 * @param disclosures the openings of the body's commitments, kept off the log (empty for
 * an entry whose body is in the clear)
 */
public record LedgerEntry(String kind, String subject, Map<String, Object> body, List<Disclosure> disclosures) {

	/** The body member that holds an entry's commitments, by group. */
	public static final String COMMITMENTS = "commitments";

	public LedgerEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(body, "body");
		disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
		if (!disclosures.isEmpty()) {
			requireOpenings(subject, body, disclosures);
		}
	}

	/** An entry whose body is all in the clear. */
	public LedgerEntry(String kind, String subject, Map<String, Object> body) {
		this(kind, subject, body, List.of());
	}

	/**
	 * An entry that commits to each group's value under a fresh salt: its body is
	 * {@code {"commitments": {group: commitment}}} and its disclosures open them.
	 * @param groups each group's JSON value, by group name
	 */
	public static LedgerEntry committing(String kind, String subject, Map<String, ?> groups) {
		return of(kind, subject, Map.of(), groups);
	}

	/**
	 * An entry with some fields in the clear, those the public may know, and the others
	 * in groups, each under a salted commitment with a fresh salt: its body is the clear
	 * fields and, when there are groups, {@code "commitments": {group: commitment}}; its
	 * disclosures open the groups. Every kind of entry is made this way (or, with no
	 * groups, all in the clear), so that one piece of code decides what the log shows.
	 * @param clear the fields in the clear, in the order given (not
	 * {@value #COMMITMENTS})
	 * @param groups each group's JSON value, by group name; none may be null
	 */
	public static LedgerEntry of(String kind, String subject, Map<String, ?> clear, Map<String, ?> groups) {
		if (clear.containsKey(COMMITMENTS)) {
			throw new IllegalArgumentException("a clear field may not be named " + COMMITMENTS);
		}
		Map<String, Object> body = new LinkedHashMap<>(clear);
		if (groups.isEmpty()) {
			return new LedgerEntry(kind, subject, body);
		}
		Objects.requireNonNull(subject, "an entry with commitments needs a subject");
		Map<String, Object> commitments = new TreeMap<>();
		List<Disclosure> disclosures = new ArrayList<>(groups.size());
		new TreeMap<>(groups).forEach((group, value) -> {
			Objects.requireNonNull(value, group);
			Disclosure disclosure = Disclosure.create(group, value);
			disclosures.add(disclosure);
			commitments.put(group, disclosure.commitment());
		});
		body.put(COMMITMENTS, commitments);
		return new LedgerEntry(kind, subject, body, disclosures);
	}

	/**
	 * The commitments in an entry's body, by group: empty when the body has none.
	 * Anything but a string under a group's name is left out.
	 */
	public static Map<String, String> commitments(Map<?, ?> body) {
		Map<String, String> found = new TreeMap<>();
		if (body != null && body.get(COMMITMENTS) instanceof Map<?, ?> commitments) {
			commitments.forEach((group, commitment) -> {
				if (group instanceof String g && commitment instanceof String c) {
					found.put(g, c);
				}
			});
		}
		return found;
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
	 * costly part of an append and may be computed on any thread beforehand, and its
	 * disclosures.
	 */
	public Encoded encode() {
		String text = CanonicalJson.serialize(document());
		return new Encoded(this.kind, this.subject, text, MerkleHashes.leafHash(text.getBytes(StandardCharsets.UTF_8)),
				this.disclosures);
	}

	private static void requireOpenings(String subject, Map<String, Object> body, List<Disclosure> disclosures) {
		if (subject == null) {
			throw new IllegalArgumentException("an entry with disclosures needs a subject");
		}
		Map<String, String> commitments = commitments(body);
		Set<String> groups = new HashSet<>();
		for (Disclosure d : disclosures) {
			if (!groups.add(d.group())) {
				throw new IllegalArgumentException("two disclosures of the group " + d.group());
			}
			if (!d.verify(commitments.get(d.group()))) {
				throw new IllegalArgumentException("the disclosure of " + d.group()
						+ " does not open the body's commitment " + commitments.get(d.group()));
			}
		}
	}

	/**
	 * An entry encoded for appending.
	 *
	 * @param canonicalJson the RFC 8785 canonical JSON of the entry's document
	 * @param leafHash SHA-256(0x00 || the UTF-8 bytes of {@code canonicalJson})
	 * @param disclosures the openings of the entry's commitments, stored with it
	 */
	public record Encoded(String kind, String subject, String canonicalJson, byte[] leafHash,
			List<Disclosure> disclosures) {

		public Encoded {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(canonicalJson, "canonicalJson");
			MerkleHashes.requireHash(leafHash, "leaf hash");
			disclosures = disclosures == null ? List.of() : List.copyOf(disclosures);
		}

	}

}
