package org.truce.ledger.application;

import java.util.Optional;

/**
 * What a witness remembers between runs: the last checkpoint it cosigned (as the signed
 * note it handed in), and the evidence it keeps when a log contradicts itself.
 */
public interface WitnessMemory {

	/** The signed note of the checkpoint cosigned last, or empty before the first. */
	Optional<String> lastCosigned();

	/**
	 * Remembers a cosigned checkpoint; only once the log has accepted the cosignature.
	 */
	void remember(String cosignedNote);

	/**
	 * Keeps evidence of a log's misbehaviour for people to examine.
	 * @return where it was kept
	 */
	String keepEvidence(String evidence);

}
