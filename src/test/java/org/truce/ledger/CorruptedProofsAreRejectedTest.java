package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;
import org.truce.ledger.model.ProofFailure;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Systematic corruptions of valid proofs, each of which the RFC 9162 verifiers must
 * reject: index ±1, size ×2 and ÷2, every bit of a hash flipped, a hash added or removed,
 * an empty proof, an empty or wrong root, and (for consistency) the sizes or roots
 * swapped. Every valid proof is checked to pass first, so a rejection is the corruption's
 * doing (corruptions that leave the claim as it was, such as swapping equal sizes, are
 * skipped).
 *
 * <p>
 * Not on the list: a size off by one. Such a proof can pass, and rightly: leaf 0 of the
 * tree of 3 has the proof [h(1), h(2)] and the tree of 4 would have [h(1), MTH(2:4)], so
 * the verifier, which sees only hashes, accepts the claim "leaf 0 of a tree of 4 leaves
 * with this root" (it would take a tree whose MTH(2:4) equals the leaf hash h(2), a
 * preimage across the 0x00/0x01 prefixes, to make the claim true). Proofs bind the root;
 * the size is bound by the signed checkpoint that carries both.
 */
class CorruptedProofsAreRejectedTest {

	private static final int[] SIZES = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 100, 255, 256, 257, 300 };

	private static final Random RANDOM = new Random(6962);

	private static final MerkleTree TREE = tree(300);

	/** A claim to check: the proof and the values it is checked against. */
	record Inclusion(long index, long size, byte[] leaf, List<byte[]> proof, byte[] root) {

		ProofVerdict verify() {
			return ProofVerifier.verifyInclusion(this.index, this.size, this.leaf, this.proof, this.root);
		}

		String claim() {
			return this.index + "/" + this.size + "/" + hex(this.leaf) + "/" + hex(this.root) + "/" + hex(this.proof);
		}

	}

	record Consistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {

		ProofVerdict verify() {
			return ProofVerifier.verifyConsistency(this.size1, this.size2, this.root1, this.root2, this.proof);
		}

		String claim() {
			return this.size1 + "/" + this.size2 + "/" + hex(this.root1) + "/" + hex(this.root2) + "/"
					+ hex(this.proof);
		}

	}

	record Corruption<T>(String name, Function<T, T> change) {
	}

	@SlowTest
	@Test
	void everyCorruptionOfAnInclusionProofIsRejected() {
		int checked = 0;
		for (int n : SIZES) {
			for (int i : indices(n)) {
				Inclusion valid = new Inclusion(i, n, TREE.leafHash(i), TREE.inclusionProof(i, n), TREE.root(n));
				assertThat(valid.verify().valid()).as("the valid proof of leaf %d of %d", i, n).isTrue();
				for (Corruption<Inclusion> corruption : inclusionCorruptions(valid)) {
					Inclusion bad = corruption.change().apply(valid);
					if (bad == null || bad.claim().equals(valid.claim())) {
						continue;
					}
					assertThat(bad.verify().valid()).as("%s of leaf %d of %d", corruption.name(), i, n).isFalse();
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(10_000);
	}

	@SlowTest
	@Test
	void everyCorruptionOfAConsistencyProofIsRejected() {
		int checked = 0;
		for (int n : SIZES) {
			for (int m : indices(n + 1)) {
				Consistency valid = new Consistency(m, n, TREE.root(m), TREE.root(n), TREE.consistencyProof(m, n));
				assertThat(valid.verify().valid()).as("the valid proof %d -> %d", m, n).isTrue();
				for (Corruption<Consistency> corruption : consistencyCorruptions(valid)) {
					Consistency bad = corruption.change().apply(valid);
					if (bad == null || bad.claim().equals(valid.claim())) {
						continue;
					}
					assertThat(bad.verify().valid()).as("%s of %d -> %d", corruption.name(), m, n).isFalse();
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(10_000);
	}

	@Test
	void rejectionsNameTheirReason() {
		byte[] leaf = TREE.leafHash(5);
		List<byte[]> proof = TREE.inclusionProof(5, 8);
		byte[] root = TREE.root(8);
		assertThat(failure(ProofVerifier.verifyInclusion(8, 8, leaf, proof, root)))
			.isEqualTo(ProofFailure.INDEX_OUT_OF_RANGE);
		assertThat(failure(ProofVerifier.verifyInclusion(5, 8, leaf, proof.subList(0, 2), root)))
			.isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
		assertThat(failure(ProofVerifier.verifyInclusion(5, 8, leaf, proof, new byte[0])))
			.isEqualTo(ProofFailure.MALFORMED_HASH);
		assertThat(failure(ProofVerifier.verifyInclusion(5, 8, leaf, proof, TREE.root(7))))
			.isEqualTo(ProofFailure.ROOT_MISMATCH);
		assertThat(failure(ProofVerifier.verifyInclusion(-1, 8, leaf, proof, root)))
			.isEqualTo(ProofFailure.NEGATIVE_NUMBER);
		List<byte[]> consistency = TREE.consistencyProof(6, 8);
		assertThat(failure(ProofVerifier.verifyConsistency(8, 6, TREE.root(8), TREE.root(6), consistency)))
			.isEqualTo(ProofFailure.SIZES_OUT_OF_ORDER);
		assertThat(failure(ProofVerifier.verifyConsistency(6, 8, TREE.root(6), TREE.root(8), List.of())))
			.isEqualTo(ProofFailure.EMPTY_PROOF);
		assertThat(failure(ProofVerifier.verifyConsistency(8, 8, TREE.root(8), TREE.root(8), consistency)))
			.isEqualTo(ProofFailure.NON_EMPTY_PROOF);
		assertThat(failure(ProofVerifier.verifyConsistency(6, 8, TREE.root(5), TREE.root(8), consistency)))
			.isEqualTo(ProofFailure.FIRST_ROOT_MISMATCH);
		assertThat(failure(ProofVerifier.verifyConsistency(6, 8, TREE.root(6), TREE.root(7), consistency)))
			.isEqualTo(ProofFailure.ROOT_MISMATCH);
		assertThat(failure(ProofVerifier.verifyConsistency(0, 8, TREE.root(1), TREE.root(8), List.of())))
			.isEqualTo(ProofFailure.FIRST_ROOT_MISMATCH);
		assertThat(failure(ProofVerifier.verifyConsistency(8, 8, TREE.root(8), TREE.root(7), List.of())))
			.isEqualTo(ProofFailure.ROOT_MISMATCH);
	}

	@Test
	void theCasesTheRfcLeavesOpenAreDecidedAsDocumented() {
		byte[] empty = MerkleHashes.emptyRoot();
		assertThat(ProofVerifier.verifyConsistency(0, 0, empty, empty, List.of()).valid()).isTrue();
		assertThat(ProofVerifier.verifyConsistency(0, 300, empty, TREE.root(300), List.of()).valid()).isTrue();
		assertThat(ProofVerifier.verifyConsistency(0, 300, empty, TREE.root(300), List.of(empty)).valid()).isFalse();
		assertThat(ProofVerifier.verifyConsistency(7, 7, TREE.root(7), TREE.root(7), List.of()).valid()).isTrue();
		assertThat(ProofVerifier.verifyInclusion(0, 0, TREE.leafHash(0), List.of(), empty).valid()).isFalse();
	}

	private static List<Corruption<Inclusion>> inclusionCorruptions(Inclusion v) {
		List<Corruption<Inclusion>> all = new ArrayList<>();
		all.add(new Corruption<>("index + 1", (p) -> new Inclusion(p.index + 1, p.size, p.leaf, p.proof, p.root)));
		all.add(new Corruption<>("index - 1", (p) -> new Inclusion(p.index - 1, p.size, p.leaf, p.proof, p.root)));
		all.add(new Corruption<>("size × 2", (p) -> new Inclusion(p.index, p.size * 2, p.leaf, p.proof, p.root)));
		all.add(new Corruption<>("size ÷ 2", (p) -> new Inclusion(p.index, p.size / 2, p.leaf, p.proof, p.root)));
		all.add(new Corruption<>("index = size", (p) -> new Inclusion(p.size, p.size, p.leaf, p.proof, p.root)));
		all.add(new Corruption<>("extra hash at the end",
				(p) -> new Inclusion(p.index, p.size, p.leaf, plus(p.proof, p.proof.size(), randomHash()), p.root)));
		all.add(new Corruption<>("extra hash in front",
				(p) -> new Inclusion(p.index, p.size, p.leaf, plus(p.proof, 0, randomHash()), p.root)));
		all.add(new Corruption<>("root repeated as an extra hash",
				(p) -> new Inclusion(p.index, p.size, p.leaf, plus(p.proof, p.proof.size(), p.root), p.root)));
		if (!v.proof.isEmpty()) {
			all.add(new Corruption<>("last hash missing",
					(p) -> new Inclusion(p.index, p.size, p.leaf, p.proof.subList(0, p.proof.size() - 1), p.root)));
			all.add(new Corruption<>("first hash missing",
					(p) -> new Inclusion(p.index, p.size, p.leaf, p.proof.subList(1, p.proof.size()), p.root)));
			all.add(new Corruption<>("empty proof", (p) -> new Inclusion(p.index, p.size, p.leaf, List.of(), p.root)));
			all.add(new Corruption<>("a hash 31 bytes",
					(p) -> new Inclusion(p.index, p.size, p.leaf, replaced(p.proof, 0, new byte[31]), p.root)));
			int which = (int) (v.index % v.proof.size());
			for (int bit = 0; bit < 256; bit++) {
				int b = bit;
				all.add(new Corruption<>("bit " + bit + " of proof hash " + which, (p) -> new Inclusion(p.index, p.size,
						p.leaf, replaced(p.proof, which, flip(p.proof.get(which), b)), p.root)));
			}
		}
		for (int bit = 0; bit < 256; bit += 7) {
			int b = bit;
			all.add(new Corruption<>("bit " + bit + " of the leaf",
					(p) -> new Inclusion(p.index, p.size, flip(p.leaf, b), p.proof, p.root)));
			all.add(new Corruption<>("bit " + bit + " of the root",
					(p) -> new Inclusion(p.index, p.size, p.leaf, p.proof, flip(p.root, b))));
		}
		all.add(new Corruption<>("empty root", (p) -> new Inclusion(p.index, p.size, p.leaf, p.proof, new byte[0])));
		all.add(new Corruption<>("root of the empty tree",
				(p) -> new Inclusion(p.index, p.size, p.leaf, p.proof, MerkleHashes.emptyRoot())));
		all.add(new Corruption<>("root of another size",
				(p) -> new Inclusion(p.index, p.size, p.leaf, p.proof, TREE.root(p.size == 300 ? 299 : p.size + 1))));
		all.add(new Corruption<>("another leaf",
				(p) -> new Inclusion(p.index, p.size, TREE.leafHash((p.index + 1) % 300), p.proof, p.root)));
		all.add(new Corruption<>("the raw entry instead of its leaf hash",
				(p) -> new Inclusion(p.index, p.size, MerkleHashes.sha256(p.leaf), p.proof, p.root)));
		return all;
	}

	/**
	 * From the empty tree (size1 = 0) nothing ties the second tree to the first, so
	 * changes to size2 or root2 alone are skipped there (see ProofVerifier).
	 */
	private static List<Corruption<Consistency>> consistencyCorruptions(Consistency v) {
		List<Corruption<Consistency>> all = new ArrayList<>();
		all.add(new Corruption<>("size2 × 2",
				(p) -> p.size1 == 0 ? null : new Consistency(p.size1, p.size2 * 2, p.root1, p.root2, p.proof)));
		all.add(new Corruption<>("size1 ÷ 2",
				(p) -> p.size1 == 0 ? null : new Consistency(p.size1 / 2, p.size2, p.root1, p.root2, p.proof)));
		all.add(new Corruption<>("size2 ÷ 2",
				(p) -> p.size1 == 0 ? null : new Consistency(p.size1, p.size2 / 2, p.root1, p.root2, p.proof)));
		all.add(new Corruption<>("sizes swapped", (p) -> new Consistency(p.size2, p.size1, p.root2, p.root1, p.proof)));
		all.add(new Corruption<>("roots swapped",
				(p) -> p.size1 == p.size2 ? null : new Consistency(p.size1, p.size2, p.root2, p.root1, p.proof)));
		all.add(new Corruption<>("extra hash at the end", (p) -> new Consistency(p.size1, p.size2, p.root1, p.root2,
				plus(p.proof, p.proof.size(), randomHash()))));
		all.add(new Corruption<>("extra hash in front",
				(p) -> new Consistency(p.size1, p.size2, p.root1, p.root2, plus(p.proof, 0, randomHash()))));
		all.add(new Corruption<>("first root put in front",
				(p) -> new Consistency(p.size1, p.size2, p.root1, p.root2, plus(p.proof, 0, p.root1))));
		if (!v.proof.isEmpty()) {
			all.add(new Corruption<>("last hash missing", (p) -> new Consistency(p.size1, p.size2, p.root1, p.root2,
					p.proof.subList(0, p.proof.size() - 1))));
			all.add(new Corruption<>("first hash missing",
					(p) -> new Consistency(p.size1, p.size2, p.root1, p.root2, p.proof.subList(1, p.proof.size()))));
			all.add(new Corruption<>("empty proof",
					(p) -> new Consistency(p.size1, p.size2, p.root1, p.root2, List.of())));
			int which = (int) (v.size1 % v.proof.size());
			for (int bit = 0; bit < 256; bit++) {
				int b = bit;
				all.add(new Corruption<>("bit " + bit + " of proof hash " + which, (p) -> new Consistency(p.size1,
						p.size2, p.root1, p.root2, replaced(p.proof, which, flip(p.proof.get(which), b)))));
			}
		}
		for (int bit = 0; bit < 256; bit += 7) {
			int b = bit;
			all.add(new Corruption<>("bit " + bit + " of root1",
					(p) -> new Consistency(p.size1, p.size2, flip(p.root1, b), p.root2, p.proof)));
			// From the empty tree nothing ties root2 to root1: only its length is
			// checked.
			all.add(new Corruption<>("bit " + bit + " of root2", (p) -> p.size1 == 0 ? null
					: new Consistency(p.size1, p.size2, p.root1, flip(p.root2, b), p.proof)));
		}
		all.add(new Corruption<>("empty root1",
				(p) -> new Consistency(p.size1, p.size2, new byte[0], p.root2, p.proof)));
		all.add(new Corruption<>("empty root2",
				(p) -> new Consistency(p.size1, p.size2, p.root1, new byte[0], p.proof)));
		all.add(new Corruption<>("root1 of another size", (p) -> new Consistency(p.size1, p.size2,
				TREE.root(p.size1 == 300 ? 299 : p.size1 + 1), p.root2, p.proof)));
		all.add(new Corruption<>("root2 of another size", (p) -> p.size1 == 0 ? null
				: new Consistency(p.size1, p.size2, p.root1, TREE.root(p.size2 == 300 ? 299 : p.size2 + 1), p.proof)));
		return all;
	}

	/** Every leaf of small trees; the ends and a sample of larger ones. */
	private static List<Integer> indices(int n) {
		List<Integer> all = new ArrayList<>();
		if (n <= 33) {
			for (int i = 0; i < n; i++) {
				all.add(i);
			}
			return all;
		}
		all.add(0);
		all.add(n - 1);
		for (int k = 0; k < 8; k++) {
			all.add(RANDOM.nextInt(n));
		}
		return all;
	}

	private static MerkleTree tree(int size) {
		MerkleTree tree = new MerkleTree(new InMemoryNodeStore());
		for (int i = 0; i < size; i++) {
			tree.append(MerkleHashes.leafHash(("entry " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		return tree;
	}

	private static String hex(byte[] bytes) {
		return java.util.HexFormat.of().formatHex(bytes);
	}

	private static String hex(List<byte[]> hashes) {
		return String.join(",", hashes.stream().map(CorruptedProofsAreRejectedTest::hex).toList());
	}

	private static ProofFailure failure(ProofVerdict verdict) {
		return ((ProofVerdict.Invalid) verdict).failure();
	}

	private static byte[] flip(byte[] hash, int bit) {
		byte[] copy = hash.clone();
		copy[bit / 8] ^= (byte) (1 << (bit % 8));
		return copy;
	}

	private static byte[] randomHash() {
		byte[] hash = new byte[32];
		RANDOM.nextBytes(hash);
		return hash;
	}

	private static List<byte[]> plus(List<byte[]> proof, int at, byte[] hash) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.add(at, hash);
		return copy;
	}

	private static List<byte[]> replaced(List<byte[]> proof, int at, byte[] hash) {
		List<byte[]> copy = new ArrayList<>(proof);
		copy.set(at, hash);
		return copy;
	}

}
