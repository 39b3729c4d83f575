package org.truce.ledger.model;

/**
 * Why a Merkle proof is rejected: a stable code (the constant's name) and a message
 * template ({@code {0}} is the detail).
 */
public enum ProofFailure {

	/** A hash (leaf, root or proof element) is missing or not 32 bytes long. */
	MALFORMED_HASH("A hash is not 32 bytes: {0}"),
	/** A tree size or leaf index is negative. */
	NEGATIVE_NUMBER("Sizes and indices cannot be negative: {0}"),
	/** RFC 9162 §2.1.3.2 step 1: the leaf index is not below the tree size. */
	INDEX_OUT_OF_RANGE("The leaf index is not below the tree size: {0}"),
	/** The first tree is larger than the second. */
	SIZES_OUT_OF_ORDER("The first tree is larger than the second: {0}"),
	/** RFC 9162 §2.1.4.2 step 1: the sizes differ but the proof is empty. */
	EMPTY_PROOF("The proof is empty, but the tree sizes differ: {0}"),
	/** Nothing is to be proved (equal sizes, or from the empty tree) but hashes came. */
	NON_EMPTY_PROOF("The proof must be empty: {0}"),
	/** The proof has too many or too few hashes for these sizes. */
	WRONG_PROOF_LENGTH("The proof has the wrong number of hashes: {0}"),
	/** The hash computed from the proof is not the given root. */
	ROOT_MISMATCH("The proof does not lead to the given root: {0}"),
	/** The proof does not lead to the given root of the first (older) tree. */
	FIRST_ROOT_MISMATCH("The proof does not lead to the given first root: {0}");

	private final String template;

	ProofFailure(String template) {
		this.template = template;
	}

	public String format(String detail) {
		return this.template.replace("{0}", detail);
	}

}
