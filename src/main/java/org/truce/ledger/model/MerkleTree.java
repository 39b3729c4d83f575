package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An append-only Merkle tree (RFC 6962 §2.1, RFC 9162 §2.1) over the complete-subtree
 * hashes kept in a {@link NodeStore}.
 *
 * <p>
 * Every hash of the tree is a right fold of at most 64 stored perfect-subtree hashes, so
 * a root, an inclusion proof or a consistency proof takes O(log n) node reads, asked of
 * the store in one {@link NodeStore#nodes} call, and O(log n) hashing, whatever the size.
 * Appending reads the O(log n) hashes on the tree's right border once per batch (one call
 * too) and then writes the nodes the batch completes.
 *
 * <p>
 * Stateless: each call reads the size from the store, so one instance may serve any
 * number of threads if the store is thread safe. Two writers that append at the same time
 * are detected by the store ({@link NodeStore.ConcurrentAppendException}); serialising
 * appends is the caller's job (a database lock, say).
 */
public final class MerkleTree {

	private final NodeStore store;

	public MerkleTree(NodeStore store) {
		this.store = store;
	}

	/** The number of leaves. */
	public long size() {
		return this.store.size();
	}

	/**
	 * Appends one leaf hash ({@link MerkleHashes#leafHash} of the entry).
	 * @return the index of the new leaf
	 */
	public long append(byte[] leafHash) {
		return appendAll(List.of(leafHash));
	}

	/**
	 * Appends leaf hashes in order, in one {@link NodeStore#write}.
	 * @return the index of the first new leaf (the old size)
	 */
	public long appendAll(List<byte[]> leafHashes) {
		long from = this.store.size();
		for (byte[] leaf : leafHashes) {
			MerkleHashes.requireHash(leaf, "leaf hash");
		}
		byte[][] border = new byte[64][];
		int[] levels = new int[Long.bitCount(from)];
		long[] indices = new long[levels.length];
		for (int level = 0, n = 0; level < 63; level++) {
			if ((from >>> level & 1) == 1) {
				levels[n] = level;
				indices[n++] = (from >>> level) - 1;
			}
		}
		if (levels.length > 0) {
			List<byte[]> hashes = this.store.nodes(levels, indices);
			for (int i = 0; i < levels.length; i++) {
				border[levels[i]] = hashes.get(i);
			}
		}
		List<NodeStore.Node> nodes = new ArrayList<>(leafHashes.size() * 2);
		long size = from;
		for (byte[] leaf : leafHashes) {
			byte[] hash = leaf;
			int level = 0;
			nodes.add(new NodeStore.Node(0, size, hash));
			while ((size >>> level & 1) == 1) {
				hash = MerkleHashes.nodeHash(border[level], hash);
				border[level] = null;
				level++;
				nodes.add(new NodeStore.Node(level, size >>> level, hash));
			}
			border[level] = hash;
			size++;
		}
		this.store.write(from, size, nodes);
		return from;
	}

	/** The hash of leaf {@code index}. */
	public byte[] leafHash(long index) {
		requireRange(index, size(), "leaf index");
		return this.store.node(0, index);
	}

	/** The root of the whole tree, MTH(D[0:n]). */
	public byte[] root() {
		return root(size());
	}

	/** The root of the tree as it was at {@code size} leaves (MTH(D[0:size])). */
	public byte[] root(long size) {
		if (size <= 0) {
			requireSize(size, "size");
			return MerkleHashes.emptyRoot();
		}
		List<long[]> whole = new ArrayList<>(1);
		whole.add(new long[] { 0, size });
		return subtreeHashes(whole, size, "size").get(0);
	}

	/**
	 * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves,
	 * PATH(m, D[0:n]) of RFC 6962 §2.1.1 (RFC 9162 §2.1.3.1), ordered from the leaf's
	 * sibling up to the root's child.
	 */
	public List<byte[]> inclusionProof(long index, long size) {
		if (size < 0 || index < 0 || index >= size) {
			// Said as before: first about the size, then the index. Otherwise the size is
			// checked with the nodes.
			requireSize(size, "size");
		}
		requireRange(index, size, "leaf index");
		List<long[]> topDown = new ArrayList<>();
		long lo = 0;
		long hi = size;
		while (hi - lo > 1) {
			long k = largestPowerOfTwoBelow(hi - lo);
			if (index < lo + k) {
				topDown.add(new long[] { lo + k, hi });
				hi = lo + k;
			}
			else {
				topDown.add(new long[] { lo, lo + k });
				lo = lo + k;
			}
		}
		Collections.reverse(topDown);
		if (topDown.isEmpty()) {
			requireSize(size, "size");
			return List.of();
		}
		return subtreeHashes(topDown, size, "size");
	}

	/**
	 * The consistency proof from the tree of {@code size1} leaves to the tree of
	 * {@code size2}, PROOF(m, D[0:n]) of RFC 6962 §2.1.2 (RFC 9162 §2.1.4.1), ordered
	 * bottom-up. RFC 9162 defines it for 0 &lt; size1 &lt; size2; for size1 = 0 or size1
	 * = size2 there is nothing to prove and the proof is empty.
	 */
	public List<byte[]> consistencyProof(long size1, long size2) {
		if (size2 < 0 || size1 <= 0 || size1 >= size2) {
			// Said as before: first about size2, then size1. Otherwise size2 is checked
			// with the nodes.
			requireSize(size2, "size2");
		}
		if (size1 < 0 || size1 > size2) {
			throw new IllegalArgumentException("size1 must be between 0 and size2 (" + size2 + "), not " + size1);
		}
		if (size1 == 0 || size1 == size2) {
			return List.of();
		}
		List<long[]> topDown = new ArrayList<>();
		long lo = 0;
		long hi = size2;
		boolean whole = true;
		while (size1 != hi) {
			long k = largestPowerOfTwoBelow(hi - lo);
			if (size1 - lo <= k) {
				topDown.add(new long[] { lo + k, hi });
				hi = lo + k;
			}
			else {
				topDown.add(new long[] { lo, lo + k });
				lo = lo + k;
				whole = false;
			}
		}
		if (!whole) {
			topDown.add(new long[] { lo, hi });
		}
		Collections.reverse(topDown);
		return subtreeHashes(topDown, size2, "size2");
	}

	/**
	 * MTH(D[lo:hi]) of each range {@code {lo, hi}}, with every stored node they need
	 * fetched in one {@link NodeStore#nodesAtSize} call, which also checks that the tree
	 * has {@code size} leaves (else an {@link IllegalArgumentException} about
	 * {@code what}).
	 *
	 * <p>
	 * Each range is one that RFC 6962's recursion produces: {@code lo} is a multiple of a
	 * power of two at least {@code hi - lo}. Such a range splits greedily into stored
	 * perfect subtrees (largest first), and its hash is their right fold.
	 */
	private List<byte[]> subtreeHashes(List<long[]> ranges, long size, String what) {
		// The greedy split takes at most 63 steps up and 63 down.
		int[] levels = new int[128 * ranges.size()];
		long[] indices = new long[128 * ranges.size()];
		int[] parts = new int[ranges.size()];
		int n = 0;
		for (int r = 0; r < ranges.size(); r++) {
			long lo = ranges.get(r)[0];
			long hi = ranges.get(r)[1];
			while (lo < hi) {
				int level = Math.min(lo == 0 ? 63 : Long.numberOfTrailingZeros(lo),
						63 - Long.numberOfLeadingZeros(hi - lo));
				levels[n] = level;
				indices[n] = lo >>> level;
				n++;
				parts[r]++;
				lo += 1L << level;
			}
		}
		List<byte[]> nodes = this.store.nodesAtSize(size, Arrays.copyOf(levels, n), Arrays.copyOf(indices, n));
		if (nodes == null) {
			requireSize(size, what);
			throw new IllegalStateException("the tree shrank below " + size + " leaves");
		}
		List<byte[]> hashes = new ArrayList<>(ranges.size());
		int start = 0;
		for (int r = 0; r < ranges.size(); r++) {
			int end = start + parts[r];
			byte[] hash = nodes.get(end - 1);
			for (int i = end - 2; i >= start; i--) {
				hash = MerkleHashes.nodeHash(nodes.get(i), hash);
			}
			hashes.add(hash);
			start = end;
		}
		return hashes;
	}

	/** The largest power of two strictly less than {@code n} (n ≥ 2), RFC 6962's k. */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	private void requireSize(long size, String what) {
		long current = size();
		if (size < 0 || size > current) {
			throw new IllegalArgumentException(what + " must be between 0 and " + current + ", not " + size);
		}
	}

	private static void requireRange(long index, long size, String what) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException(what + " must be between 0 and " + (size - 1) + ", not " + index);
		}
	}

}
