package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.ProofVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored-node tree against {@link ReferenceMerkle}, RFC 6962 written out recursively:
 * exhaustively on small trees, and on sampled sizes, leaves and size pairs of random
 * trees of up to 10,000 leaves built in random batches. Seeded, so a failure repeats.
 */
class StoredTreeAgreesWithTheReferenceTest {

	@Test
	void everyRootAndProofOfEveryTreeUpToSixtyFourLeaves() {
		Fixture fixture = Fixture.grown(64, new Random(1));
		for (int n = 0; n <= 64; n++) {
			fixture.checkRoot(n);
			for (int i = 0; i < n; i++) {
				fixture.checkInclusion(i, n);
			}
			for (int m = 0; m <= n; m++) {
				fixture.checkConsistency(m, n);
			}
		}
	}

	@Test
	void sampledRootsAndProofsOfATenThousandLeafTree() {
		Random random = new Random(10_000);
		Fixture fixture = Fixture.grown(10_000, random);
		TreeSet<Integer> sizes = new TreeSet<>(List.of(10_000, 9_999, 8_193, 8_192, 8_191, 4_097, 1_025, 1_000));
		while (sizes.size() < 40) {
			sizes.add(1 + random.nextInt(10_000));
		}
		for (int n : sizes) {
			fixture.checkRoot(n);
			fixture.checkInclusion(0, n);
			fixture.checkInclusion(n - 1, n);
			fixture.checkInclusion(random.nextInt(n), n);
			fixture.checkConsistency(1, n);
			fixture.checkConsistency(n - 1, n);
			fixture.checkConsistency(1 + random.nextInt(n), n);
		}
	}

	@Test
	void randomTreesOfRandomSizesBuiltInRandomBatches() {
		for (long seed = 100; seed < 120; seed++) {
			Random random = new Random(seed);
			int size = 1 + random.nextInt(2_000);
			Fixture fixture = Fixture.grown(size, random);
			for (int k = 0; k < 5; k++) {
				int n = 1 + random.nextInt(size);
				fixture.checkRoot(n);
				fixture.checkInclusion(random.nextInt(n), n);
				fixture.checkConsistency(random.nextInt(n + 1), n);
			}
		}
	}

	@Test
	void proofsTakeLogarithmicallyManyNodeReads() {
		Fixture fixture = Fixture.grown(10_000, new Random(7));
		Random random = new Random(8);
		for (int k = 0; k < 200; k++) {
			int n = 1 + random.nextInt(10_000);
			int bits = 64 - Long.numberOfLeadingZeros(n);
			assertThat(fixture.readsFor(() -> fixture.tree.root(n))).isLessThanOrEqualTo(bits);
			int index = random.nextInt(n);
			assertThat(fixture.readsFor(() -> fixture.tree.inclusionProof(index, n))).isLessThanOrEqualTo(2 * bits);
			int m = 1 + random.nextInt(n);
			assertThat(fixture.readsFor(() -> fixture.tree.consistencyProof(m, n))).isLessThanOrEqualTo(3 * bits);
		}
	}

	private static final class Fixture {

		private final InMemoryNodeStore store = new InMemoryNodeStore();

		private final MerkleTree tree = new MerkleTree(this.store);

		private final List<byte[]> leaves = new ArrayList<>();

		/** A tree of random leaves, appended in random batches of 1 to 64. */
		static Fixture grown(int size, Random random) {
			Fixture fixture = new Fixture();
			while (fixture.leaves.size() < size) {
				int batch = Math.min(size - fixture.leaves.size(), 1 + random.nextInt(64));
				List<byte[]> hashes = new ArrayList<>();
				for (int i = 0; i < batch; i++) {
					byte[] data = new byte[random.nextInt(40)];
					random.nextBytes(data);
					hashes.add(MerkleHashes.leafHash(data));
				}
				assertThat(fixture.tree.appendAll(hashes)).isEqualTo(fixture.leaves.size());
				fixture.leaves.addAll(hashes);
			}
			assertThat(fixture.tree.size()).isEqualTo(size);
			return fixture;
		}

		void checkRoot(int n) {
			assertThat(this.tree.root(n)).as("root of %d", n).isEqualTo(ReferenceMerkle.mth(this.leaves.subList(0, n)));
		}

		void checkInclusion(int index, int n) {
			List<byte[]> expected = ReferenceMerkle.path(index, this.leaves.subList(0, n));
			assertThat(this.tree.inclusionProof(index, n)).as("PATH(%d, D[%d])", index, n)
				.containsExactlyElementsOf(expected);
			assertThat(ProofVerifier.inclusionProofLength(index, n)).isEqualTo(expected.size());
			assertThat(ProofVerifier.verifyInclusion(index, n, this.leaves.get(index), expected, this.tree.root(n))
				.valid()).as("leaf %d of %d", index, n).isTrue();
		}

		void checkConsistency(int m, int n) {
			List<byte[]> expected = (m == 0 || m == n) ? List.of()
					: ReferenceMerkle.proof(m, this.leaves.subList(0, n));
			assertThat(this.tree.consistencyProof(m, n)).as("PROOF(%d, D[%d])", m, n)
				.containsExactlyElementsOf(expected);
			if (0 < m && m < n) {
				assertThat(ProofVerifier.consistencyProofLength(m, n)).isEqualTo(expected.size());
			}
			assertThat(ProofVerifier.verifyConsistency(m, n, this.tree.root(m), this.tree.root(n), expected).valid())
				.as("%d -> %d", m, n)
				.isTrue();
		}

		long readsFor(Runnable action) {
			long before = this.store.reads();
			action.run();
			return this.store.reads() - before;
		}

	}

}
