package org.truce.ledger.model;

import java.util.List;

/** The outcome of verifying a signed note against trusted keys. */
public sealed interface NoteVerdict permits NoteVerdict.Verified, NoteVerdict.Rejected {

	boolean verified();

	/**
	 * At least one trusted key signed the note, and no trusted key's signature failed.
	 */
	record Verified(Note note, List<VerifierKey> keys) implements NoteVerdict {

		public Verified {
			keys = List.copyOf(keys);
		}

		@Override
		public boolean verified() {
			return true;
		}

	}

	/** The note is not to be trusted, and why. */
	record Rejected(NoteFailure failure, String detail) implements NoteVerdict {

		@Override
		public boolean verified() {
			return false;
		}

		public String message() {
			return this.failure.format(this.detail);
		}

	}

}
