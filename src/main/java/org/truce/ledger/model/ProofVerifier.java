package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks Merkle inclusion and consistency proofs as RFC 9162 §2.1.3.2 and §2.1.4.2
 * specify, step by step, including the checks that some verifiers skip: the leaf index
 * must be below the tree size, and {@code sn} must reach 0 exactly when the proof ends
 * (so a proof of the wrong length never passes). Before running the RFC's algorithm the
 * verifier also checks every hash is 32 bytes and that the proof has exactly the length
 * RFC 6962's PATH and PROOF give for these sizes; this only gives a clearer reason, since
 * the algorithm rejects such proofs anyway. Hashes are compared with
 * {@link java.security.MessageDigest#isEqual} after checking their lengths.
 *
 * <p>
 * Cases the RFC's algorithm does not cover, decided here:
 * <ul>
 * <li>Consistency between equal sizes: the proof must be empty and the two roots
 * equal.</li>
 * <li>Consistency from size 0 (RFC 9162 defines proofs for 0 &lt; first &lt; second
 * only): every tree extends the empty one, so the proof must be empty and the first root
 * must be the empty tree's, SHA-256(""); the second root cannot be checked and is only
 * required to be 32 bytes.</li>
 * </ul>
 * Stateless and thread safe.
 */
public final class ProofVerifier {

	private ProofVerifier() {
	}

	/**
	 * Whether {@code proof} shows that {@code leafHash} is leaf {@code index} of the tree
	 * of {@code size} leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
	 */
	public static ProofVerdict verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof,
			byte[] root) {
		if (index < 0 || size < 0) {
			return ProofVerdict.invalid(ProofFailure.NEGATIVE_NUMBER, "index " + index + ", size " + size);
		}
		String malformed = malformed(proof, "leaf hash", leafHash, "root", root);
		if (malformed != null) {
			return ProofVerdict.invalid(ProofFailure.MALFORMED_HASH, malformed);
		}
		// Step 1.
		if (index >= size) {
			return ProofVerdict.invalid(ProofFailure.INDEX_OUT_OF_RANGE, "index " + index + ", size " + size);
		}
		int expected = inclusionProofLength(index, size);
		if (proof.size() != expected) {
			return wrongLength(proof.size(), expected, "leaf " + index + " in a tree of " + size);
		}
		// Steps 2 and 3.
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		// Step 4.
		for (byte[] p : proof) {
			if (sn == 0) {
				return wrongLength(proof.size(), expected, "the path ends before the proof");
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = MerkleHashes.nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>>= 1;
						sn >>>= 1;
					}
				}
			}
			else {
				r = MerkleHashes.nodeHash(r, p);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		// Step 5.
		if (sn != 0) {
			return wrongLength(proof.size(), expected, "the proof ends before the path");
		}
		if (!MerkleHashes.same(r, root)) {
			return ProofVerdict.invalid(ProofFailure.ROOT_MISMATCH,
					"leaf " + index + " in a tree of " + size + " gives another root");
		}
		return ProofVerdict.ok();
	}

	/**
	 * Whether {@code proof} shows that the tree of {@code size2} leaves with root
	 * {@code root2} extends the tree of {@code size1} leaves with root {@code root1} (RFC
	 * 9162 §2.1.4.2; see the class comment for size1 = 0 and size1 = size2).
	 */
	public static ProofVerdict verifyConsistency(long size1, long size2, byte[] root1, byte[] root2,
			List<byte[]> proof) {
		if (size1 < 0 || size2 < 0) {
			return ProofVerdict.invalid(ProofFailure.NEGATIVE_NUMBER, "size1 " + size1 + ", size2 " + size2);
		}
		String malformed = malformed(proof, "first root", root1, "second root", root2);
		if (malformed != null) {
			return ProofVerdict.invalid(ProofFailure.MALFORMED_HASH, malformed);
		}
		String sizes = "from " + size1 + " to " + size2;
		if (size1 > size2) {
			return ProofVerdict.invalid(ProofFailure.SIZES_OUT_OF_ORDER, sizes);
		}
		if (size1 == size2 || size1 == 0) {
			if (!proof.isEmpty()) {
				return ProofVerdict.invalid(ProofFailure.NON_EMPTY_PROOF,
						sizes + " nothing is to be proved, but the proof has " + proof.size() + " hashes");
			}
			if (size1 == 0 && !MerkleHashes.same(root1, MerkleHashes.emptyRoot())) {
				return ProofVerdict.invalid(ProofFailure.FIRST_ROOT_MISMATCH, "the empty tree's root is SHA-256(\"\")");
			}
			if (size1 == size2 && !MerkleHashes.same(root1, root2)) {
				return ProofVerdict.invalid(ProofFailure.ROOT_MISMATCH, "two trees of " + size1 + " leaves differ");
			}
			return ProofVerdict.ok();
		}
		// Step 1.
		if (proof.isEmpty()) {
			return ProofVerdict.invalid(ProofFailure.EMPTY_PROOF, sizes);
		}
		int expected = consistencyProofLength(size1, size2);
		if (proof.size() != expected) {
			return wrongLength(proof.size(), expected, sizes);
		}
		// Step 2.
		List<byte[]> path = new ArrayList<>(proof.size() + 1);
		if (Long.bitCount(size1) == 1) {
			path.add(root1);
		}
		path.addAll(proof);
		// Step 3.
		long fn = size1 - 1;
		long sn = size2 - 1;
		// Step 4.
		while ((fn & 1) == 1) {
			fn >>>= 1;
			sn >>>= 1;
		}
		// Step 5.
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		// Step 6.
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return wrongLength(proof.size(), expected, "the path ends before the proof");
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = MerkleHashes.nodeHash(c, fr);
				sr = MerkleHashes.nodeHash(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>>= 1;
						sn >>>= 1;
					}
				}
			}
			else {
				sr = MerkleHashes.nodeHash(sr, c);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		// Step 7.
		if (sn != 0) {
			return wrongLength(proof.size(), expected, "the proof ends before the path");
		}
		if (!MerkleHashes.same(fr, root1)) {
			return ProofVerdict.invalid(ProofFailure.FIRST_ROOT_MISMATCH, sizes);
		}
		if (!MerkleHashes.same(sr, root2)) {
			return ProofVerdict.invalid(ProofFailure.ROOT_MISMATCH, sizes);
		}
		return ProofVerdict.ok();
	}

	/**
	 * The number of hashes in PATH(index, D[0:size]) (RFC 6962 §2.1.1): one per level
	 * below the point where the leaf's path leaves the tree's right border, plus one per
	 * perfect subtree to its left on that border.
	 */
	public static int inclusionProofLength(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index " + index + " is not in a tree of " + size);
		}
		int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
		return inner + Long.bitCount(index >>> inner);
	}

	/**
	 * The number of hashes in PROOF(size1, D[0:size2]) (RFC 6962 §2.1.2) for 0 &lt; size1
	 * &lt; size2: the inclusion proof of the largest perfect subtree ending at size1,
	 * seen as a leaf of the coarser tree, plus that subtree's own hash unless it is the
	 * whole old tree (size1 a power of two).
	 */
	public static int consistencyProofLength(long size1, long size2) {
		if (size1 <= 0 || size1 >= size2) {
			throw new IllegalArgumentException("No consistency proof from " + size1 + " to " + size2);
		}
		int level = Long.numberOfTrailingZeros(size1);
		long index = (size1 - 1) >>> level;
		return inclusionProofLength(index, ((size2 - 1) >>> level) + 1) + (index == 0 ? 0 : 1);
	}

	private static ProofVerdict wrongLength(int actual, int expected, String context) {
		return ProofVerdict.invalid(ProofFailure.WRONG_PROOF_LENGTH,
				actual + " instead of " + expected + " (" + context + ")");
	}

	private static String malformed(List<byte[]> proof, String name1, byte[] hash1, String name2, byte[] hash2) {
		if (!MerkleHashes.isHash(hash1)) {
			return name1 + " has " + describe(hash1);
		}
		if (!MerkleHashes.isHash(hash2)) {
			return name2 + " has " + describe(hash2);
		}
		if (proof == null) {
			return "no proof";
		}
		for (int i = 0; i < proof.size(); i++) {
			if (!MerkleHashes.isHash(proof.get(i))) {
				return "proof hash " + (i + 1) + " has " + describe(proof.get(i));
			}
		}
		return null;
	}

	private static String describe(byte[] hash) {
		return hash == null ? "no value" : hash.length + " bytes";
	}

}
