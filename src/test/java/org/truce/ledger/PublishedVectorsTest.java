package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.VerifierKey;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the published vectors file ({@code ledger/rfc6962-vectors.md}): leaf and
 * subtree hashes, roots for sizes 0 to 8, every inclusion and consistency proof (produced
 * by the stored-node tree and accepted by the RFC 9162 verifiers), and the checkpoints
 * signed with the published test key.
 */
class PublishedVectorsTest {

	private static final PublishedVectors VECTORS = PublishedVectors.load();

	private static MerkleTree treeOfAllLeaves() {
		MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
		VECTORS.leafInputs().forEach((data) -> tree.append(MerkleHashes.leafHash(data)));
		return tree;
	}

	@Test
	void theFileHoldsEveryCaseItPromises() {
		assertThat(VECTORS.leafInputs()).hasSize(8);
		assertThat(VECTORS.roots()).containsOnlyKeys(0, 1, 2, 3, 4, 5, 6, 7, 8);
		assertThat(VECTORS.inclusions()).hasSize(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8);
		assertThat(VECTORS.consistencies()).hasSize(1 + 2 + 3 + 4 + 5 + 6 + 7);
		assertThat(VECTORS.checkpoints()).extracting(PublishedVectors.SignedCheckpoint::size).containsExactly(8, 7);
	}

	@TestFactory
	Stream<DynamicTest> subtreeHashesFollowTheDefinition() {
		List<byte[]> leaves = VECTORS.leafInputs().stream().map(MerkleHashes::leafHash).toList();
		return VECTORS.subtrees()
			.entrySet()
			.stream()
			.map((e) -> DynamicTest.dynamicTest("MTH(D[" + e.getKey() + "])", () -> {
				String[] bounds = e.getKey().split(":");
				byte[] expected = ReferenceMerkle
					.mth(leaves.subList(Integer.parseInt(bounds[0]), Integer.parseInt(bounds[1])));
				assertThat(e.getValue()).isEqualTo(expected);
			}));
	}

	@TestFactory
	Stream<DynamicTest> rootsForEverySizeFromZeroToEight() {
		MerkleTree growing = new MerkleTree(new InMemoryNodeStore());
		List<byte[]> rootsWhileGrowing = new ArrayList<>();
		rootsWhileGrowing.add(growing.root());
		for (byte[] data : VECTORS.leafInputs()) {
			growing.append(MerkleHashes.leafHash(data));
			rootsWhileGrowing.add(growing.root());
		}
		MerkleTree full = treeOfAllLeaves();
		return VECTORS.roots()
			.entrySet()
			.stream()
			.map((e) -> DynamicTest.dynamicTest("root of size " + e.getKey(), () -> {
				assertThat(full.root(e.getKey())).isEqualTo(e.getValue());
				assertThat(rootsWhileGrowing.get(e.getKey())).isEqualTo(e.getValue());
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyInclusionProof() {
		MerkleTree tree = treeOfAllLeaves();
		return VECTORS.inclusions()
			.stream()
			.map((c) -> DynamicTest.dynamicTest("n=" + c.size() + " leaf " + c.index(), () -> {
				List<byte[]> expected = VECTORS.hashes(c.ranges());
				byte[] leaf = MerkleHashes.leafHash(VECTORS.leafInputs().get(c.index()));
				assertThat(tree.inclusionProof(c.index(), c.size())).containsExactlyElementsOf(expected);
				assertThat(ProofVerifier
					.verifyInclusion(c.index(), c.size(), leaf, expected, VECTORS.roots().get(c.size()))
					.valid()).isTrue();
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyConsistencyProof() {
		MerkleTree tree = treeOfAllLeaves();
		Map<Integer, byte[]> roots = VECTORS.roots();
		return VECTORS.consistencies()
			.stream()
			.map((c) -> DynamicTest.dynamicTest(c.size1() + " -> " + c.size2(), () -> {
				List<byte[]> expected = VECTORS.hashes(c.ranges());
				assertThat(tree.consistencyProof(c.size1(), c.size2())).containsExactlyElementsOf(expected);
				assertThat(ProofVerifier
					.verifyConsistency(c.size1(), c.size2(), roots.get(c.size1()), roots.get(c.size2()), expected)
					.valid()).isTrue();
			}));
	}

	@TestFactory
	Stream<DynamicTest> checkpointsSignedWithThePublishedTestKeyVerify() {
		VerifierKey key = VerifierKey.parse(VECTORS.verifierKey());
		return VECTORS.checkpoints()
			.stream()
			.map((c) -> DynamicTest.dynamicTest("checkpoint of size " + c.size(), () -> {
				assertThat(key.encoded()).isEqualTo(VECTORS.verifierKey());
				CheckpointVerdict verdict = Checkpoint.verify(c.note(), key.name(), key);
				assertThat(verdict).isInstanceOf(CheckpointVerdict.Verified.class);
				Checkpoint checkpoint = ((CheckpointVerdict.Verified) verdict).checkpoint();
				assertThat(checkpoint.size()).isEqualTo(c.size());
				assertThat(checkpoint.rootHash()).isEqualTo(VECTORS.roots().get(c.size()));
				assertThat(Note.parse(c.note()).encoded()).isEqualTo(c.note());
			}));
	}

	@SlowTest
	@TestFactory
	Stream<DynamicTest> alteringAnyByteOfASignedCheckpointIsDetected() {
		VerifierKey key = VerifierKey.parse(VECTORS.verifierKey());
		return VECTORS.checkpoints()
			.stream()
			.map((c) -> DynamicTest.dynamicTest("checkpoint of size " + c.size(), () -> {
				byte[] original = c.note().getBytes(StandardCharsets.UTF_8);
				int altered = 0;
				for (int i = 0; i < original.length; i++) {
					for (int bit = 0; bit < 8; bit++) {
						byte[] bytes = original.clone();
						bytes[i] ^= (byte) (1 << bit);
						assertThat(verifies(bytes, key)).as("byte %d bit %d", i, bit).isFalse();
						altered++;
					}
				}
				assertThat(altered).isEqualTo(original.length * 8);
				assertThat(verifies(original, key)).isTrue();
			}));
	}

	@Test
	void theTwoCheckpointsAreConsistentByThePublishedProof() {
		VerifierKey key = VerifierKey.parse(VECTORS.verifierKey());
		List<Checkpoint> checkpoints = VECTORS.checkpoints()
			.stream()
			.map((c) -> ((CheckpointVerdict.Verified) Checkpoint.verify(c.note(), "Log", key)).checkpoint())
			.toList();
		Checkpoint newer = checkpoints.get(0);
		Checkpoint older = checkpoints.get(1);
		PublishedVectors.Consistency proof = VECTORS.consistencies()
			.stream()
			.filter((c) -> c.size1() == older.size() && c.size2() == newer.size())
			.findFirst()
			.orElseThrow();
		assertThat(ProofVerifier
			.verifyConsistency(older.size(), newer.size(), older.rootHash(), newer.rootHash(),
					VECTORS.hashes(proof.ranges()))
			.valid()).isTrue();
		assertThat(ProofVerifier
			.verifyConsistency(older.size(), newer.size(), newer.rootHash(), older.rootHash(),
					VECTORS.hashes(proof.ranges()))
			.valid()).isFalse();
	}

	private static boolean verifies(byte[] note, VerifierKey key) {
		Note parsed;
		try {
			parsed = Note.parse(note);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return Checkpoint.verify(parsed, "Log", key).verified();
	}

}
