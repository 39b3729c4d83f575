package org.truce.ledger.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CosignaturePolicy;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.VerifierKey;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Takes witnesses' cosignatures of checkpoints this log signed. A cosignature is kept
 * only when its key is one of the configured witnesses and it verifies over the exact
 * text of a stored checkpoint.
 */
@Service
public class Cosigning {

	private final LedgerStore store;

	private final LogIdentity identity;

	private final Clock clock;

	public Cosigning(LedgerStore store, LogIdentity identity, Clock clock) {
		this.store = store;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * The checkpoint that was cosigned and the witnesses whose cosignatures were kept.
	 */
	public record Accepted(long size, List<String> cosigners) {

	}

	/**
	 * A checkpoint's standing with the configured witnesses: each side's cosignature
	 * ({@link CosignaturePolicy}), and whether every side has cosigned. With no witness
	 * configured, {@code sides} is empty and the checkpoint is never final: nobody but
	 * the operator vouches for it.
	 */
	public record Finality(Checkpoint checkpoint, List<CosignaturePolicy.Side> sides) {

		public Finality {
			sides = List.copyOf(sides);
		}

		public boolean witnessesConfigured() {
			return !this.sides.isEmpty();
		}

		public boolean isFinal() {
			return witnessesConfigured()
					&& this.sides.stream().allMatch((s) -> s.state() == CosignaturePolicy.State.COSIGNED);
		}

	}

	/**
	 * The finality of the checkpoint of {@code size}, or of the newest when {@code size}
	 * is null; empty when there is no such checkpoint.
	 */
	public Optional<Finality> finality(Long size) {
		Optional<LedgerStore.StoredCheckpoint> stored = size == null ? this.store.latestCheckpoint()
				: this.store.checkpoint(size);
		return stored.map((c) -> {
			Note note = Note.parse(c.note());
			for (String line : this.store.cosignatures(c.size())) {
				note = note.withSignature(NoteSignature.parse(line.stripTrailing()));
			}
			Checkpoint checkpoint = Checkpoint.parse(note.text());
			if (this.identity.witnesses().isEmpty()) {
				return new Finality(checkpoint, List.of());
			}
			return new Finality(checkpoint, new CosignaturePolicy(this.identity.witnesses()).evaluate(note).sides());
		});
	}

	public Accepted accept(String signedNote) {
		Note note;
		Checkpoint checkpoint;
		try {
			note = Note.parse(signedNote);
			checkpoint = Checkpoint.parse(note.text());
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "note", "note", ex.getMessage()));
		}
		Optional<LedgerStore.StoredCheckpoint> stored = this.store.checkpoint(checkpoint.size());
		if (stored.isEmpty() || !Note.parse(stored.get().note()).text().equals(note.text())) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "note", "noteUnknown"));
		}
		List<String> kept = new ArrayList<>();
		for (NoteSignature signature : note.signatures()) {
			for (VerifierKey witness : this.identity.witnesses()) {
				if (witness.matches(signature) && witness.verifies(note.text(), signature.signature())) {
					this.store.addCosignature(checkpoint.size(), witness.name(), signature.line().stripTrailing(),
							this.clock.instant());
					kept.add(witness.name());
				}
			}
		}
		if (kept.isEmpty()) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "note", "noteUnsigned"));
		}
		return new Accepted(checkpoint.size(), kept);
	}

}
