package org.truce.ledger.model;

/**
 * How a log showed a witness something that contradicts a checkpoint the witness already
 * cosigned: evidence of a fork (different views for different readers) or of a rewritten
 * history. A stable code (the constant's name) and a message template ({@code {0}} is the
 * detail).
 */
public enum Inconsistency {

	/** The new checkpoint is of a smaller tree than the one cosigned before. */
	SMALLER_TREE("The log now shows a smaller tree than the one this witness cosigned: {0}"),
	/** Two checkpoints of one size with different roots: two different trees. */
	SAME_SIZE_OTHER_ROOT("The log signed two different trees of the same size: {0}"),
	/** The consistency proof does not show the new tree extends the cosigned one. */
	NOT_AN_EXTENSION("The log's new tree does not extend the one this witness cosigned: {0}");

	private final String template;

	Inconsistency(String template) {
		this.template = template;
	}

	public String format(String detail) {
		return this.template.replace("{0}", detail);
	}

}
