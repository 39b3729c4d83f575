package org.truce.ledger.model;

import java.util.List;
import java.util.Optional;

/**
 * What a witness concludes when it compares the newest checkpoint a log shows it with the
 * last one it cosigned (both already verified as signed by the log): cosign it, or
 * nothing is new, or the log contradicts itself. A witness cosigns only when it has seen
 * the new tree proved to extend the old one (RFC 9162 §2.1.4), so the sides' cosignatures
 * never cover two incompatible views of the log.
 */
public sealed interface WitnessVerdict
		permits WitnessVerdict.FirstSight, WitnessVerdict.Unchanged, WitnessVerdict.Extends, WitnessVerdict.Forked {

	/** Whether the witness should cosign {@code latest}. */
	boolean cosign();

	/**
	 * The verdict that needs no proof, or empty when {@code latest} is larger than
	 * {@code previous} and a consistency proof between them must decide
	 * ({@link #withProof}).
	 * @param previous the checkpoint cosigned last, or null if none
	 */
	static Optional<WitnessVerdict> withoutProof(Checkpoint previous, Checkpoint latest) {
		if (previous == null) {
			return Optional.of(new FirstSight(latest));
		}
		if (latest.size() < previous.size()) {
			return Optional.of(new Forked(Inconsistency.SMALLER_TREE,
					"cosigned " + previous.size() + " leaves, now shown " + latest.size()));
		}
		if (latest.size() == previous.size()) {
			if (MerkleHashes.same(previous.rootHash(), latest.rootHash())) {
				return Optional.of(new Unchanged(latest));
			}
			return Optional.of(new Forked(Inconsistency.SAME_SIZE_OTHER_ROOT,
					"size " + latest.size() + ": cosigned root " + StandardBase64.encode(previous.rootHash())
							+ ", now shown root " + StandardBase64.encode(latest.rootHash())));
		}
		return Optional.empty();
	}

	/**
	 * The verdict on a larger tree given the log's consistency proof from
	 * {@code previous} to {@code latest}; the roots are those of the two signed
	 * checkpoints, never ones the log sent beside the proof.
	 */
	static WitnessVerdict withProof(Checkpoint previous, Checkpoint latest, List<byte[]> proof) {
		Optional<WitnessVerdict> decided = withoutProof(previous, latest);
		if (decided.isPresent()) {
			return decided.get();
		}
		ProofVerdict verdict = ProofVerifier.verifyConsistency(previous.size(), latest.size(), previous.rootHash(),
				latest.rootHash(), proof);
		if (verdict instanceof ProofVerdict.Invalid invalid) {
			return new Forked(Inconsistency.NOT_AN_EXTENSION,
					"from " + previous.size() + " to " + latest.size() + ": " + invalid.message());
		}
		return new Extends(previous, latest);
	}

	/** No checkpoint was cosigned before: the first one is trusted on first use. */
	record FirstSight(Checkpoint latest) implements WitnessVerdict {

		@Override
		public boolean cosign() {
			return true;
		}

	}

	/** The same tree as last time; there is nothing new to cosign. */
	record Unchanged(Checkpoint latest) implements WitnessVerdict {

		@Override
		public boolean cosign() {
			return false;
		}

	}

	/** The new tree is proved to extend the cosigned one. */
	record Extends(Checkpoint previous, Checkpoint latest) implements WitnessVerdict {

		@Override
		public boolean cosign() {
			return true;
		}

	}

	/** The log contradicts a checkpoint the witness cosigned; never cosign. */
	record Forked(Inconsistency inconsistency, String detail) implements WitnessVerdict {

		@Override
		public boolean cosign() {
			return false;
		}

		public String message() {
			return this.inconsistency.format(this.detail);
		}

	}

}
