package org.truce.ledger.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.truce.ledger.model.NodeStore;

/**
 * Where the ledger is kept. Appends run in the caller's transaction: the node store's
 * write is the commit point, guarded by a compare-and-set on the size.
 */
public interface LedgerStore {

	/** The tree's node hashes, for reading roots and proofs. */
	NodeStore nodes();

	/**
	 * The tree's node hashes for an append: its size is read under a lock held to the end
	 * of the caller's transaction, so that concurrent appenders queue rather than
	 * conflict.
	 */
	NodeStore nodesForAppend();

	void insertEntries(List<StoredEntry> entries);

	/** Entries {@code [start, end)} in order. */
	List<StoredEntry> entries(long start, long end);

	Optional<Long> indexOfLeafHash(byte[] leafHash);

	/**
	 * The index of the latest entry of a kind about a subject (such as the {@code report}
	 * entry of a report's id; a later {@code publication} entry has the same subject).
	 */
	Optional<Long> indexOf(String kind, String subject);

	Optional<StoredCheckpoint> latestCheckpoint();

	Optional<StoredCheckpoint> checkpoint(long size);

	/**
	 * Signed checkpoints of sizes above {@code afterSize} and at most {@code upToSize},
	 * smallest first, at most {@code limit} of them (a page of the list of all).
	 */
	List<StoredCheckpoint> checkpoints(long afterSize, long upToSize, int limit);

	/**
	 * Stores a checkpoint unless one of that size is already stored; true when stored.
	 */
	boolean addCheckpoint(StoredCheckpoint checkpoint);

	/**
	 * Stores a cosignature line for a checkpoint, replacing the same key's earlier one.
	 */
	void addCosignature(long size, String keyName, String signatureLine, Instant at);

	/** The cosignature lines of a checkpoint. */
	List<String> cosignatures(long size);

	/**
	 * An entry as stored: its index, kind, subject, canonical JSON text and leaf hash.
	 */
	record StoredEntry(long index, String kind, String subject, String canonicalJson, byte[] leafHash,
			Instant appendedAt) {

	}

	/** A signed checkpoint: the tree size, its root and the signed note. */
	record StoredCheckpoint(long size, byte[] root, String note, Instant signedAt) {

	}

}
