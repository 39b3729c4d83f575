package org.truce.ledger.application;

import java.util.List;

import org.truce.ledger.model.VerifierKey;

/**
 * The outcome of verifying an exported ledger, with what was seen up to the end or the
 * failure.
 */
public sealed interface ExportVerdict permits ExportVerdict.Valid, ExportVerdict.Invalid {

	boolean valid();

	Summary summary();

	/** Every check passed. */
	record Valid(Summary summary) implements ExportVerdict {

		@Override
		public boolean valid() {
			return true;
		}

	}

	/**
	 * The first check that failed, and why; {@code summary} counts what was checked
	 * before.
	 */
	record Invalid(ExportFailure failure, String detail, Summary summary) implements ExportVerdict {

		@Override
		public boolean valid() {
			return false;
		}

		public String message() {
			return this.failure.format(this.detail);
		}

	}

	/**
	 * What verification saw.
	 *
	 * @param entries entries whose leaf hash was recomputed and folded into the tree
	 * @param checkpoints checkpoint files found
	 * @param logKey the key checkpoints were checked with (null if none could be read)
	 * @param logKeyFromExport whether that key came from log.pub in the export itself
	 * @param root the root of all entries, standard base64 (null before all were read)
	 * @param cosigners each witness key given or shipped, and what it cosigned
	 * @param finalSize the largest checkpoint every required side cosigned, or -1 (none,
	 * or none required)
	 * @param disclosuresFile whether the export has a disclosures.jsonl (exports made
	 * before selective disclosure have none)
	 * @param disclosures disclosures checked against their entries' commitments
	 * @param warnings things a person should know that do not fail verification
	 */
	record Summary(long entries, long checkpoints, VerifierKey logKey, boolean logKeyFromExport, String root,
			List<Cosigner> cosigners, long finalSize, boolean disclosuresFile, long disclosures,
			List<String> warnings) {

		public Summary {
			cosigners = List.copyOf(cosigners);
			warnings = List.copyOf(warnings);
		}

	}

	/**
	 * A witness key and its cosignatures in the export.
	 *
	 * @param required whether it was given with --require-cosigners (else only shipped in
	 * witnesses.pub, and informative)
	 * @param newestSize the largest checkpoint it validly cosigned, or -1
	 */
	record Cosigner(VerifierKey key, boolean required, long cosigned, long newestSize, long invalid) {

	}

}
