package org.truce.ledger.application;

import java.util.List;

import org.truce.ledger.model.Disclosure;

/**
 * Where the openings of ledger entries' commitments are kept: beside the log, never in
 * it, so that each reader can be given exactly the ones it may see. At most one
 * disclosure per kind, subject and group. Inserts run in the caller's transaction, the
 * one that appends the entry.
 */
public interface Disclosures {

	/**
	 * Stores disclosures, all in one batch.
	 * @throws RuntimeException if one of the same kind, subject and group is stored
	 * already
	 */
	void insert(List<Stored> disclosures);

	/** The disclosures of entries {@code [start, end)}, by index, then group. */
	List<Stored> ofEntries(long start, long end);

	/**
	 * A disclosure as stored, with the entry whose commitment it opens.
	 *
	 * @param index the entry's index in the log
	 */
	record Stored(long index, String kind, String subject, Disclosure disclosure) {

	}

}
