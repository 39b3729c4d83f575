package org.truce.ledger.application;

import org.truce.ledger.model.Checkpoint;

/** The outcome of one run of a witness. */
public sealed interface WitnessRun
		permits WitnessRun.Cosigned, WitnessRun.NothingNew, WitnessRun.VerificationFailed, WitnessRun.ServerTrouble {

	/**
	 * The witness cosigned {@code latest} and the log accepted it.
	 *
	 * @param previous the checkpoint cosigned before, or null on first sight
	 */
	record Cosigned(Checkpoint previous, Checkpoint latest) implements WitnessRun {

	}

	/** Nothing new to cosign; {@code reason} says why. */
	record NothingNew(String reason) implements WitnessRun {

	}

	/**
	 * The log showed something that does not verify: a bad signature, another origin, or
	 * a view inconsistent with what this witness cosigned before (a fork). Never
	 * cosigned.
	 *
	 * @param evidence where the evidence was kept, or null if none was
	 */
	record VerificationFailed(String message, boolean fork, String evidence) implements WitnessRun {

	}

	/** The log could not be reached, answered nonsense, or refused the cosignature. */
	record ServerTrouble(String message) implements WitnessRun {

	}

}
