package org.truce.ledger.application;

import java.util.List;
import java.util.Optional;

/**
 * A transparency log as a witness sees it from outside: its newest checkpoint, proofs
 * between tree sizes, and the place to hand in cosignatures. Nothing it returns is
 * trusted until checked against the log's key and the witness's own memory.
 */
public interface LogServer {

	/**
	 * The newest signed checkpoint as a signed note (with any cosignatures), or empty
	 * when the log has signed none yet.
	 * @throws Unreachable when the log cannot be asked
	 */
	Optional<String> latestCheckpoint();

	/**
	 * The consistency proof from tree size {@code from} to {@code to} (RFC 9162 §2.1.4),
	 * bottom-up.
	 * @throws Unreachable when the log cannot be asked or answers nonsense
	 */
	List<byte[]> consistencyProof(long from, long to);

	/**
	 * Hands in a checkpoint carrying this witness's cosignature.
	 * @throws Refused when the log answers but does not keep it
	 * @throws Unreachable when the log cannot be asked
	 */
	void submit(String cosignedNote);

	/** The log did not answer, or answered something that is not a response. */
	final class Unreachable extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Unreachable(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** The log answered, and refused the cosignature. */
	final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Refused(String message) {
			super(message);
		}

	}

}
