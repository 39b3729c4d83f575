package org.truce.ledger.model;

/** Why a signed note or checkpoint is rejected: a stable code and a message template. */
public enum NoteFailure {

	/** Not a signed note (c2sp.org/signed-note "Format"). */
	MALFORMED_NOTE("Not a well-formed signed note: {0}"),
	/** The note text is not a checkpoint (c2sp.org/tlog-checkpoint "Note text"). */
	MALFORMED_CHECKPOINT("Not a well-formed checkpoint: {0}"),
	/** No signature from any of the trusted keys verifies. */
	NO_KNOWN_SIGNATURE("No signature from a trusted key: {0}"),
	/** A signature line names a trusted key (name and ID) but does not verify. */
	BAD_SIGNATURE("A signature from a trusted key does not verify: {0}"),
	/** The checkpoint is from another log. */
	WRONG_ORIGIN("The checkpoint is from another log: {0}");

	private final String template;

	NoteFailure(String template) {
		this.template = template;
	}

	public String format(String detail) {
		return this.template.replace("{0}", detail);
	}

}
