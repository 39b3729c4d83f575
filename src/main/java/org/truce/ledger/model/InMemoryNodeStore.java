package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link NodeStore} in memory, for tests and for recomputing an exported log offline.
 * Nodes are kept per level in arrays indexed by node index. Thread safe (every method is
 * synchronized).
 */
public final class InMemoryNodeStore implements NodeStore {

	private final List<List<byte[]>> levels = new ArrayList<>();

	private long size;

	private long reads;

	@Override
	public synchronized long size() {
		return this.size;
	}

	@Override
	public synchronized byte[] node(int level, long index) {
		this.reads++;
		if (level < 0 || level >= this.levels.size() || index < 0 || index >= this.levels.get(level).size()) {
			throw new IllegalStateException("No node (" + level + ", " + index + ") in a tree of " + this.size);
		}
		return this.levels.get(level).get((int) index).clone();
	}

	@Override
	public synchronized void write(long fromSize, long toSize, List<Node> nodes) {
		if (this.size != fromSize) {
			throw new ConcurrentAppendException(fromSize, this.size);
		}
		if (toSize < fromSize || toSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("Cannot grow from " + fromSize + " to " + toSize + " leaves in memory");
		}
		long[] next = new long[64];
		for (int level = 0; level < 64; level++) {
			next[level] = level < this.levels.size() ? this.levels.get(level).size() : 0;
		}
		for (Node node : nodes) {
			if (node.index() != next[node.level()]) {
				throw new IllegalArgumentException("Node (" + node.level() + ", " + node.index()
						+ ") is out of order; expected index " + next[node.level()]);
			}
			next[node.level()]++;
		}
		for (int level = 0; level < 64; level++) {
			if (next[level] != toSize >> level) {
				throw new IllegalArgumentException("A tree of " + toSize + " leaves has " + (toSize >> level)
						+ " nodes at level " + level + ", not " + next[level]);
			}
		}
		for (Node node : nodes) {
			while (this.levels.size() <= node.level()) {
				this.levels.add(new ArrayList<>());
			}
			this.levels.get(node.level()).add(node.hash().clone());
		}
		this.size = toSize;
	}

	/**
	 * How many nodes have been read so far (to check that proofs take O(log n) reads).
	 */
	public synchronized long reads() {
		return this.reads;
	}

}
