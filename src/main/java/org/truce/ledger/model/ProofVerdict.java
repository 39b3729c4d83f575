package org.truce.ledger.model;

/** The outcome of checking a Merkle proof: valid, or invalid with the reason. */
public sealed interface ProofVerdict permits ProofVerdict.Valid, ProofVerdict.Invalid {

	boolean valid();

	static ProofVerdict ok() {
		return Valid.INSTANCE;
	}

	static ProofVerdict invalid(ProofFailure failure, String detail) {
		return new Invalid(failure, detail);
	}

	/** The proof holds. */
	record Valid() implements ProofVerdict {

		private static final Valid INSTANCE = new Valid();

		@Override
		public boolean valid() {
			return true;
		}

		@Override
		public String toString() {
			return "valid";
		}

	}

	/** The proof does not hold, and why. */
	record Invalid(ProofFailure failure, String detail) implements ProofVerdict {

		@Override
		public boolean valid() {
			return false;
		}

		/** A sentence for people, e.g. on the command line. */
		public String message() {
			return this.failure.format(this.detail);
		}

		@Override
		public String toString() {
			return this.failure + ": " + message();
		}

	}

}
