package org.truce.ledger.application;

/**
 * Why an exported ledger fails verification: a stable code (the constant's name) and a
 * message template ({@code {0}} is the detail, which says which file, entry or
 * checkpoint).
 */
public enum ExportFailure {

	/** A file the export needs is absent. */
	MISSING_FILE("The export lacks {0}"),
	/** A file cannot be read (I/O error, or not UTF-8). */
	UNREADABLE("Cannot read {0}"),
	/** A key (given, or in the export) is malformed or of the wrong type. */
	BAD_KEY("Not a usable key: {0}"),
	/** A line of entries.jsonl is not the expected JSON object. */
	MALFORMED_LINE("Malformed entry line: {0}"),
	/** The entries are not numbered 0, 1, 2… in order. */
	OUT_OF_SEQUENCE("Entries out of sequence: {0}"),
	/** An entry's text is not JSON, or not in RFC 8785 canonical form. */
	NOT_CANONICAL("An entry is not canonical JSON (RFC 8785): {0}"),
	/** An entry's kind or subject, outside the hashed text, differs from the text's. */
	MISLABELLED("An entry's kind or subject differs from its hashed text: {0}"),
	/** A checkpoint file is not a checkpoint of its size. */
	MALFORMED_CHECKPOINT("Malformed checkpoint: {0}"),
	/** A checkpoint is not signed by the log key, or is of another log. */
	BAD_CHECKPOINT_SIGNATURE("A checkpoint does not verify with the log key: {0}"),
	/** The entries do not rebuild the root a checkpoint signs. */
	ROOT_MISMATCH("The entries do not rebuild the signed root: {0}"),
	/** A checkpoint is of a larger tree than the entries exported. */
	CHECKPOINT_BEYOND_ENTRIES("A checkpoint covers entries the export lacks: {0}"),
	/** Entries after the newest checkpoint: nothing signs them. */
	UNCOVERED_ENTRIES("Entries beyond the newest checkpoint are signed by nobody: {0}"),
	/** A line of disclosures.jsonl is not the expected JSON object, or out of order. */
	MALFORMED_DISCLOSURE("Malformed disclosure line: {0}"),
	/**
	 * A disclosure names an entry the export lacks, or one of another kind or subject.
	 */
	DISCLOSURE_WITHOUT_ENTRY("A disclosure is of no entry in the export: {0}"),
	/** A disclosure is of a group its entry has no commitment for. */
	UNKNOWN_DISCLOSURE_GROUP("A disclosure is of a group its entry does not commit to: {0}"),
	/** A disclosure's salt and value do not hash to its entry's commitment. */
	DISCLOSURE_MISMATCH("A disclosure does not open its entry's commitment: {0}"),
	/** A required side's cosignature is present but does not verify. */
	INVALID_COSIGNATURE("A required side's cosignature does not verify: {0}"),
	/** No checkpoint carries a valid cosignature of every required side. */
	NOT_FINAL("No checkpoint is cosigned by every required side: {0}");

	private final String template;

	ExportFailure(String template) {
		this.template = template;
	}

	public String format(String detail) {
		return this.template.replace("{0}", detail);
	}

}
