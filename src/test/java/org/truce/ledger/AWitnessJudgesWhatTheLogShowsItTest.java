package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.Inconsistency;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.WitnessVerdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A witness compares the log's newest checkpoint with the one it cosigned last, and
 * cosigns only a tree proved to extend it. Trees here are real (a stored tree and a
 * forked copy), and proofs are the log's own.
 */
class AWitnessJudgesWhatTheLogShowsItTest {

	private static final String ORIGIN = "truce.example/log";

	private final MerkleTree log = tree("entry", 20);

	private final MerkleTree fork = tree("forked entry", 20);

	private static MerkleTree tree(String prefix, int size) {
		MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
		List<byte[]> leaves = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			leaves.add(MerkleHashes.leafHash((prefix + " " + i).getBytes(StandardCharsets.UTF_8)));
		}
		tree.appendAll(leaves);
		return tree;
	}

	private static Checkpoint at(MerkleTree tree, long size) {
		return new Checkpoint(ORIGIN, size, tree.root(size));
	}

	@Test
	void theFirstCheckpointIsTrustedOnFirstSight() {
		WitnessVerdict verdict = WitnessVerdict.withoutProof(null, at(this.log, 5)).orElseThrow();
		assertThat(verdict).isInstanceOf(WitnessVerdict.FirstSight.class);
		assertThat(verdict.cosign()).isTrue();
	}

	@Test
	void theSameCheckpointAgainIsNothingNew() {
		WitnessVerdict verdict = WitnessVerdict.withoutProof(at(this.log, 5), at(this.log, 5)).orElseThrow();
		assertThat(verdict).isInstanceOf(WitnessVerdict.Unchanged.class);
		assertThat(verdict.cosign()).isFalse();
	}

	@Test
	void aLargerTreeNeedsAProofAndIsCosignedWhenItExtendsTheOld() {
		assertThat(WitnessVerdict.withoutProof(at(this.log, 5), at(this.log, 13))).isEmpty();
		WitnessVerdict verdict = WitnessVerdict.withProof(at(this.log, 5), at(this.log, 13),
				this.log.consistencyProof(5, 13));
		assertThat(verdict).isInstanceOf(WitnessVerdict.Extends.class);
		assertThat(verdict.cosign()).isTrue();
	}

	@Test
	void aSmallerTreeIsAFork() {
		assertForked(WitnessVerdict.withoutProof(at(this.log, 13), at(this.log, 12)).orElseThrow(),
				Inconsistency.SMALLER_TREE);
	}

	@Test
	void anotherRootForTheSameSizeIsAFork() {
		assertForked(WitnessVerdict.withoutProof(at(this.log, 13), at(this.fork, 13)).orElseThrow(),
				Inconsistency.SAME_SIZE_OTHER_ROOT);
	}

	@Test
	void aLargerTreeThatDoesNotExtendTheOldIsAForkWhateverProofComesWithIt() {
		Checkpoint cosigned = at(this.log, 5);
		Checkpoint forked = at(this.fork, 13);
		assertForked(WitnessVerdict.withProof(cosigned, forked, this.fork.consistencyProof(5, 13)),
				Inconsistency.NOT_AN_EXTENSION);
		assertForked(WitnessVerdict.withProof(cosigned, forked, this.log.consistencyProof(5, 13)),
				Inconsistency.NOT_AN_EXTENSION);
		assertForked(WitnessVerdict.withProof(cosigned, at(this.log, 13), List.of()), Inconsistency.NOT_AN_EXTENSION);
		List<byte[]> flipped = new ArrayList<>(this.log.consistencyProof(5, 13));
		byte[] first = flipped.get(0).clone();
		first[0] ^= 1;
		flipped.set(0, first);
		assertForked(WitnessVerdict.withProof(cosigned, at(this.log, 13), flipped), Inconsistency.NOT_AN_EXTENSION);
	}

	private static void assertForked(WitnessVerdict verdict, Inconsistency expected) {
		assertThat(verdict).isInstanceOf(WitnessVerdict.Forked.class);
		assertThat(verdict.cosign()).isFalse();
		WitnessVerdict.Forked forked = (WitnessVerdict.Forked) verdict;
		assertThat(forked.inconsistency()).isEqualTo(expected);
		assertThat(forked.message()).isNotBlank();
	}

}
