package org.truce.ledger.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.MerkleTree;

/**
 * The append-only log of every change to the record. Appends join the caller's
 * transaction, so that an entry, its disclosures and the projection rows it describes
 * commit together or not at all; the database serialises appends, so several server
 * instances on one PostgreSQL produce one sequence.
 */
@Service
public class Ledger {

	private final LedgerStore store;

	private final Disclosures disclosures;

	private final TransactionTemplate tx;

	private final Clock clock;

	public Ledger(LedgerStore store, Disclosures disclosures, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.disclosures = disclosures;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Appends entries in order, in the caller's transaction (or a new one).
	 * @return the index of the first entry
	 */
	public long append(List<LedgerEntry> entries) {
		return appendEncoded(encode(entries));
	}

	/**
	 * Entries encoded ({@link LedgerEntry#encode}), in order: a batch of at least
	 * {@value #PARALLEL_ENCODING} on the common fork-join pool as well as this thread, as
	 * encoding is most of an append's work; fewer on this thread.
	 */
	static List<LedgerEntry.Encoded> encode(List<LedgerEntry> entries) {
		if (entries.size() >= PARALLEL_ENCODING) {
			try {
				return entries.parallelStream().map(LedgerEntry::encode).toList();
			}
			catch (RuntimeException ex) {
				// A stream may rethrow a copy of another thread's exception. Encoding
				// one by one throws the first failure in order, as for a small batch.
			}
		}
		List<LedgerEntry.Encoded> encoded = new ArrayList<>(entries.size());
		for (LedgerEntry entry : entries) {
			encoded.add(entry.encode());
		}
		return encoded;
	}

	/** The smallest batch whose entries {@link #append} encodes on several threads. */
	static final int PARALLEL_ENCODING = 64;

	/**
	 * Appends entries encoded beforehand ({@link LedgerEntry#encode}), in order, with
	 * their disclosures, in the caller's transaction (or a new one). Encoding is most of
	 * an append's work; a caller that serialises appends (one writer thread, say) can
	 * have it done on other threads.
	 * @return the index of the first entry
	 */
	public long appendEncoded(List<LedgerEntry.Encoded> entries) {
		if (entries.isEmpty()) {
			return size();
		}
		return this.tx.execute(status -> {
			Instant now = this.clock.instant();
			List<byte[]> leaves = new ArrayList<>(entries.size());
			for (LedgerEntry.Encoded entry : entries) {
				leaves.add(entry.leafHash());
			}
			long first = new MerkleTree(this.store.nodesForAppend()).appendAll(leaves);
			List<LedgerStore.StoredEntry> stored = new ArrayList<>(entries.size());
			List<Disclosures.Stored> opened = new ArrayList<>();
			for (int i = 0; i < entries.size(); i++) {
				LedgerEntry.Encoded e = entries.get(i);
				stored.add(new LedgerStore.StoredEntry(first + i, e.kind(), e.subject(), e.canonicalJson(),
						e.leafHash(), now));
				for (Disclosure d : e.disclosures()) {
					opened.add(new Disclosures.Stored(first + i, e.kind(), e.subject(), d));
				}
			}
			this.store.insertEntries(stored);
			if (!opened.isEmpty()) {
				this.disclosures.insert(opened);
			}
			return first;
		});
	}

	public long size() {
		return this.store.nodes().size();
	}

	public byte[] root(long size) {
		return new MerkleTree(this.store.nodes()).root(size);
	}

	public List<byte[]> inclusionProof(long index, long size) {
		return new MerkleTree(this.store.nodes()).inclusionProof(index, size);
	}

	public List<byte[]> consistencyProof(long size1, long size2) {
		return new MerkleTree(this.store.nodes()).consistencyProof(size1, size2);
	}

	public List<LedgerStore.StoredEntry> entries(long start, long end) {
		return this.store.entries(start, end);
	}

	/**
	 * The disclosures of entries {@code [start, end)} that {@code policy} opens, by
	 * index, then group.
	 */
	public List<Disclosures.Stored> disclosures(long start, long end, DisclosurePolicy policy) {
		if (policy == DisclosurePolicy.NONE) {
			return List.of();
		}
		List<Disclosures.Stored> opened = new ArrayList<>();
		for (Disclosures.Stored d : this.disclosures.ofEntries(start, end)) {
			if (policy.mayOpen(d.kind(), d.subject(), d.disclosure())) {
				opened.add(d);
			}
		}
		return opened;
	}

	public Optional<Long> indexOfLeafHash(byte[] leafHash) {
		return this.store.indexOfLeafHash(leafHash);
	}

	public Optional<Long> indexOf(String kind, String subject) {
		return this.store.indexOf(kind, subject);
	}

}
