package org.truce.ledger;

import java.util.ArrayList;
import java.util.List;

import org.truce.ledger.model.MerkleHashes;

/**
 * RFC 6962 §2.1 written out literally and recursively (MTH, PATH, PROOF and SUBPROOF),
 * with no stored nodes and no cleverness: the oracle the stored-node tree is checked
 * against. Quadratic-ish and slow on purpose; use on small trees or sampled proofs only.
 * Leaves are leaf hashes (the RFC's MTH({d}) = SHA-256(0x00 || d) is applied by the
 * caller).
 */
public final class ReferenceMerkle {

	private ReferenceMerkle() {
	}

	/** MTH(D[n]). */
	public static byte[] mth(List<byte[]> leaves) {
		int n = leaves.size();
		if (n == 0) {
			return MerkleHashes.emptyRoot();
		}
		if (n == 1) {
			return leaves.get(0);
		}
		int k = k(n);
		return MerkleHashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
	}

	/** PATH(m, D[n]). */
	public static List<byte[]> path(int m, List<byte[]> leaves) {
		int n = leaves.size();
		if (n == 1) {
			return new ArrayList<>();
		}
		int k = k(n);
		List<byte[]> result;
		if (m < k) {
			result = path(m, leaves.subList(0, k));
			result.add(mth(leaves.subList(k, n)));
		}
		else {
			result = path(m - k, leaves.subList(k, n));
			result.add(mth(leaves.subList(0, k)));
		}
		return result;
	}

	/** PROOF(m, D[n]) for 0 < m < n. */
	public static List<byte[]> proof(int m, List<byte[]> leaves) {
		return subproof(m, leaves, true);
	}

	/** SUBPROOF(m, D[n], b). */
	private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
		int n = leaves.size();
		if (m == n) {
			List<byte[]> result = new ArrayList<>();
			if (!b) {
				result.add(mth(leaves));
			}
			return result;
		}
		int k = k(n);
		List<byte[]> result;
		if (m <= k) {
			result = subproof(m, leaves.subList(0, k), b);
			result.add(mth(leaves.subList(k, n)));
		}
		else {
			result = subproof(m - k, leaves.subList(k, n), false);
			result.add(mth(leaves.subList(0, k)));
		}
		return result;
	}

	/** The largest power of two smaller than n. */
	private static int k(int n) {
		int k = 1;
		while (k << 1 < n) {
			k <<= 1;
		}
		return k;
	}

}
