package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Final when cosigned by every listed side": a checkpoint counts as final only when each
 * side's witness key (type 0x04) has a valid cosignature on it. The log's own signature
 * is checked separately ({@link Checkpoint#verify}). Immutable.
 */
public record CosignaturePolicy(Set<VerifierKey> sides) {

	public CosignaturePolicy {
		if (sides.isEmpty()) {
			throw new IllegalArgumentException("A cosignature policy lists at least one side");
		}
		for (VerifierKey key : sides) {
			if (key.type() != SignatureType.COSIGNATURE_V1) {
				throw new IllegalArgumentException(key.name() + " is not a cosigner key (type 0x04)");
			}
		}
		sides = Set.copyOf(new LinkedHashSet<>(sides));
	}

	/** Each side's standing on this note, and whether the note is final. */
	public Status evaluate(Note note) {
		List<Side> result = new ArrayList<>();
		for (VerifierKey key : this.sides) {
			Side side = new Side(key, State.MISSING, -1);
			for (NoteSignature signature : note.signatures()) {
				if (key.matches(signature)) {
					if (key.verifies(note.text(), signature.signature())) {
						if (side.state() == State.MISSING) {
							side = new Side(key, State.COSIGNED, Cosignature.timestamp(signature));
						}
					}
					else {
						side = new Side(key, State.INVALID, -1);
						break;
					}
				}
			}
			result.add(side);
		}
		result.sort((a, b) -> a.key().name().compareTo(b.key().name()));
		return new Status(result);
	}

	/** Whether every side has a valid cosignature on the note. */
	public boolean isFinal(Note note) {
		return evaluate(note).isFinal();
	}

	/** A side's cosignature: present and valid, absent, or present and invalid. */
	public enum State {

		COSIGNED, MISSING, INVALID

	}

	/** One side; {@code timestamp} is the cosignature's time (POSIX seconds) or -1. */
	public record Side(VerifierKey key, State state, long timestamp) {
	}

	/** Every side, sorted by key name. */
	public record Status(List<Side> sides) {

		public Status {
			sides = List.copyOf(sides);
		}

		/** Every side has cosigned validly. */
		public boolean isFinal() {
			return this.sides.stream().allMatch((s) -> s.state() == State.COSIGNED);
		}

		public List<VerifierKey> cosigned() {
			return this.sides.stream().filter((s) -> s.state() == State.COSIGNED).map(Side::key).toList();
		}

		public List<VerifierKey> missing() {
			return this.sides.stream().filter((s) -> s.state() != State.COSIGNED).map(Side::key).toList();
		}

	}

}
