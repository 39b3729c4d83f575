package org.truce.ledger.model;

/** The outcome of verifying a signed checkpoint. */
public sealed interface CheckpointVerdict permits CheckpointVerdict.Verified, CheckpointVerdict.Rejected {

	boolean verified();

	/** The log's key signed this checkpoint. {@code note} keeps every signature line. */
	record Verified(Checkpoint checkpoint, Note note) implements CheckpointVerdict {

		@Override
		public boolean verified() {
			return true;
		}

	}

	/** Not a checkpoint the log signed, and why. */
	record Rejected(NoteFailure failure, String detail) implements CheckpointVerdict {

		@Override
		public boolean verified() {
			return false;
		}

		public String message() {
			return this.failure.format(this.detail);
		}

	}

}
