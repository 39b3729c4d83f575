package org.truce.ledger.model;

import java.util.List;

/**
 * Where a {@link MerkleTree} keeps the hashes of its complete (perfect) subtrees.
 *
 * <p>
 * A node is addressed by {@code (level, index)}: it is the root of the perfect subtree of
 * 2<sup>level</sup> leaves {@code [index·2^level, (index+1)·2^level)}. Level 0 holds the
 * leaf hashes. A node exists once all its leaves have been appended and never changes
 * after that, so a store only ever inserts. A tree of size n has fewer than 2n nodes.
 *
 * <p>
 * Implementations decide their own thread safety and transactions; {@link #write} is the
 * commit point of an append and must be atomic (all the nodes and the new size, or
 * nothing).
 */
public interface NodeStore {

	/** The number of leaves appended so far. */
	long size();

	/**
	 * The hash of node {@code (level, index)}.
	 * @throws IllegalStateException if that node is not (yet) stored
	 */
	byte[] node(int level, long index);

	/**
	 * The hashes of several nodes, in the order asked: {@code levels[i]} and
	 * {@code indices[i]} address the i-th. A store that pays for each read (a database
	 * round trip, say) should fetch them together; by default they are read one by one.
	 * @throws IllegalStateException if any of them is not (yet) stored
	 */
	default List<byte[]> nodes(int[] levels, long[] indices) {
		List<byte[]> hashes = new java.util.ArrayList<>(levels.length);
		for (int i = 0; i < levels.length; i++) {
			hashes.add(node(levels[i], indices[i]));
		}
		return hashes;
	}

	/**
	 * {@link #nodes} of the tree as it was at {@code size} leaves, or null if the tree
	 * does not have that many leaves (yet): how a root or a proof reads the nodes it
	 * needs. By default {@link #size} then {@link #nodes}; a store that pays for each
	 * read should do both in one (a node, once stored, never changes, and the size only
	 * grows, so a size read with the nodes vouches for them).
	 */
	default List<byte[]> nodesAtSize(long size, int[] levels, long[] indices) {
		if (size > size()) {
			return null;
		}
		return nodes(levels, indices);
	}

	/**
	 * Stores {@code nodes}, every node completed by growing the tree from
	 * {@code fromSize} to {@code toSize} leaves, and records the new size.
	 * @throws ConcurrentAppendException if the store's size is no longer {@code fromSize}
	 * (another writer appended first); nothing is written then
	 */
	void write(long fromSize, long toSize, List<Node> nodes);

	/**
	 * One stored node: {@code hash} is the root of the perfect subtree at (level, index).
	 */
	record Node(int level, long index, byte[] hash) {

		public Node {
			if (level < 0 || level > 63 || index < 0) {
				throw new IllegalArgumentException("No node (" + level + ", " + index + ")");
			}
			MerkleHashes.requireHash(hash, "node hash");
		}

		/** The first leaf under this node. */
		public long start() {
			return this.index << this.level;
		}

	}

	/** Another writer grew the store between reading its size and writing. */
	final class ConcurrentAppendException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		public ConcurrentAppendException(long expected, long actual) {
			super("Expected the tree to have " + expected + " leaves, but it has " + actual);
		}

	}

}
