package org.truce.deconfliction.model;

import java.util.Objects;

/**
 * A declared position as the record holds it.
 *
 * @param position the declaration
 * @param withdrawnBy who withdrew it, or null
 * @param contentSalt the salt of the commitment to its label, area and window in its
 * {@code position-declared} ledger entry (32 hex characters)
 */
public record PositionRecord(DeclaredPosition position, String withdrawnBy, String contentSalt) {

	public PositionRecord {
		Objects.requireNonNull(position, "position");
	}

}
