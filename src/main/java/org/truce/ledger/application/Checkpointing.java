package org.truce.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;

/**
 * Signs checkpoints of the ledger. Before signing a new one it checks that the tree still
 * has the root of the last signed checkpoint and proves the new tree consistent with it,
 * so the log never signs two checkpoints that contradict each other, even if its tables
 * were altered underneath.
 */
@Service
public class Checkpointing {

	private static final Logger log = LoggerFactory.getLogger(Checkpointing.class);

	private final Ledger ledger;

	private final LedgerStore store;

	private final LogIdentity identity;

	private final Clock clock;

	public Checkpointing(Ledger ledger, LedgerStore store, LogIdentity identity, Clock clock) {
		this.ledger = ledger;
		this.store = store;
		this.identity = identity;
		this.clock = clock;
	}

	/** The outcome of one attempt. */
	public enum Outcome {

		SIGNED, NOTHING_NEW, REFUSED_INCONSISTENT

	}

	/** Signs a checkpoint of the current tree if it has grown since the last one. */
	public synchronized Outcome checkpoint() {
		long size = this.ledger.size();
		Optional<LedgerStore.StoredCheckpoint> last = this.store.latestCheckpoint();
		if (last.isPresent() && last.get().size() >= size) {
			return Outcome.NOTHING_NEW;
		}
		byte[] root = this.ledger.root(size);
		if (last.isPresent()) {
			long previous = last.get().size();
			if (!MerkleHashes.same(this.ledger.root(previous), last.get().root())) {
				log.error("ledger tree no longer has the root of signed checkpoint {}; refusing to sign", previous);
				return Outcome.REFUSED_INCONSISTENT;
			}
			List<byte[]> proof = this.ledger.consistencyProof(previous, size);
			ProofVerdict verdict = ProofVerifier.verifyConsistency(previous, size, last.get().root(), root, proof);
			if (!(verdict instanceof ProofVerdict.Valid)) {
				log.error("checkpoint {} would be inconsistent with checkpoint {}: {}; refusing to sign", size,
						previous, verdict);
				return Outcome.REFUSED_INCONSISTENT;
			}
		}
		else if (size == 0) {
			return Outcome.NOTHING_NEW;
		}
		Note note = new Checkpoint(this.identity.origin(), size, root).sign(this.identity.key());
		this.store.addCheckpoint(new LedgerStore.StoredCheckpoint(size, root, note.encoded(), this.clock.instant()));
		return Outcome.SIGNED;
	}

	/**
	 * The newest signed checkpoint with every cosignature stored for it, as a signed
	 * note.
	 */
	public Optional<String> latest() {
		return this.store.latestCheckpoint().map(this::withCosignatures);
	}

	public Optional<Long> latestSize() {
		return this.store.latestCheckpoint().map(LedgerStore.StoredCheckpoint::size);
	}

	public Optional<String> at(long size) {
		return this.store.checkpoint(size).map(this::withCosignatures);
	}

	/**
	 * A stored checkpoint as a signed note: the log's signature followed by every
	 * cosignature stored for it, one line each.
	 */
	public String withCosignatures(LedgerStore.StoredCheckpoint c) {
		StringBuilder note = new StringBuilder(c.note());
		for (String line : this.store.cosignatures(c.size())) {
			// Stored lines end with their newline (NoteSignature.line()).
			note.append(line);
			if (!line.endsWith("\n")) {
				note.append('\n');
			}
		}
		return note.toString();
	}

}
