package org.truce.ledger.application;

import java.nio.file.Path;

/**
 * The layout of an exported ledger, a directory that {@code truce verify} checks with no
 * database and no server:
 * <ul>
 * <li>{@code entries.jsonl}: one JSON object per line and entry, in index order:
 * {@code index}, {@code kind}, {@code subject} and {@code entry}, the entry's RFC 8785
 * canonical JSON text exactly as hashed (its leaf hash is SHA-256(0x00 || UTF-8 of that
 * text));</li>
 * <li>{@code checkpoints/<size>.note}: every checkpoint the log signed up to the export's
 * size, as a C2SP signed note with the cosignatures stored for it;</li>
 * <li>{@code log.pub}: the log's verifier key; {@code witnesses.pub}: the witness keys
 * the server accepts, one per line (both for convenience only: a verifier should get the
 * keys it trusts from elsewhere);</li>
 * <li>{@code README.txt}: how to verify.</li>
 * </ul>
 */
public final class ExportedLedger {

	public static final String ENTRIES = "entries.jsonl";

	public static final String DISCLOSURES = "disclosures.jsonl";

	public static final String CHECKPOINTS = "checkpoints";

	public static final String NOTE_SUFFIX = ".note";

	public static final String LOG_KEY = "log.pub";

	public static final String WITNESS_KEYS = "witnesses.pub";

	public static final String README = "README.txt";

	private ExportedLedger() {
	}

	static Path checkpoint(Path dir, long size) {
		return dir.resolve(CHECKPOINTS).resolve(size + NOTE_SUFFIX);
	}

	static String readme(String origin, String logKey, long entries, long disclosures, long checkpoints) {
		return """
				An export of the Truce ledger %s: %d entries, %d disclosures, %d signed checkpoints.

				Files
				  entries.jsonl        one JSON object per line: index, kind, subject, and "entry", the entry's
				                       RFC 8785 canonical JSON text exactly as hashed into the Merkle tree.
				                       A report's entry holds no field of the report in the clear, only
				                       salted commitments to three groups of them: {"commitments": {"event":
				                       HEX, "location": HEX, "source": HEX}}.
				  disclosures.jsonl    the commitments this export opens, one per line: index, kind, subject,
				                       group, salt and value (as RFC 8785 canonical JSON). The entry's
				                       commitment for the group is the lowercase hex of
				                       SHA-256(salt + "." + value). Empty unless exported with
				                       --disclose all, which makes the export one for staff only.
				  checkpoints/N.note   the checkpoint the log signed at tree size N (a C2SP signed note: origin,
				                       size, root hash, a blank line, then the log's signature and the witnesses'
				                       cosignatures, c2sp.org/tlog-checkpoint and c2sp.org/tlog-cosignature).
				  log.pub              the log's verifier key (c2sp.org/signed-note format name+hexid+base64):
				                       %s
				  witnesses.pub        the witness (cosigner) keys the server accepts, one per line.

				Verify (no database, no server needed)
				  truce verify DIR --log-key 'LOG-VERIFIER-KEY' [--require-cosigners 'WITNESS-KEY,WITNESS-KEY']

				Obtain the log key and each side's witness key from their owners, not from this directory: keys
				shipped beside the data prove nothing about who signed it. Without --log-key, truce verify uses
				log.pub and says so.

				What is checked: every entry's text is canonical JSON and its leaf hash is SHA-256(0x00 || text);
				the entries, in order, rebuild a Merkle tree (RFC 6962) whose root at each checkpoint's size is the
				root that checkpoint signs; every checkpoint is signed by the log key; every disclosure opens the
				commitment of its group in its entry; and, with --require-cosigners, that the witnesses of those
				sides cosigned (the tree is final up to the largest checkpoint every required side cosigned). Any
				changed, missing, added or reordered entry changes a root and is reported with the first entry or
				checkpoint that disagrees.

				Anyone can recompute the same without Truce: hash each entry as above, build the RFC 6962 tree,
				and compare roots and signatures.
				""".formatted(origin, entries, disclosures, checkpoints, logKey);
	}

}
