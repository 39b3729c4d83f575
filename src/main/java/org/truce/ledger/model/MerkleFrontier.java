package org.truce.ledger.model;

/**
 * A Merkle tree (RFC 6962 §2.1) built leaf by leaf while keeping only its right border:
 * the hash of each perfect subtree the leaves so far decompose into, at most one per
 * level, so at most 64 hashes whatever the size. The root of the tree as it stands is the
 * right fold of that border. This is what an offline verifier needs to recompute the root
 * at every checkpoint size in one pass over millions of entries, in constant memory.
 *
 * <p>
 * Not thread safe.
 */
public final class MerkleFrontier {

	private final byte[][] border = new byte[64][];

	private long size;

	/** The number of leaves appended. */
	public long size() {
		return this.size;
	}

	/** Appends a leaf hash ({@link MerkleHashes#leafHash} of the entry). */
	public void append(byte[] leafHash) {
		MerkleHashes.requireHash(leafHash, "leaf hash");
		byte[] hash = leafHash;
		int level = 0;
		while ((this.size >>> level & 1) == 1) {
			hash = MerkleHashes.nodeHash(this.border[level], hash);
			this.border[level] = null;
			level++;
		}
		this.border[level] = hash;
		this.size++;
	}

	/** MTH(D[0:size]): the root of the tree of the leaves appended so far. */
	public byte[] root() {
		if (this.size == 0) {
			return MerkleHashes.emptyRoot();
		}
		byte[] hash = null;
		for (int level = 0; level < 64; level++) {
			if ((this.size >>> level & 1) == 1) {
				hash = hash == null ? this.border[level] : MerkleHashes.nodeHash(this.border[level], hash);
			}
		}
		return hash.clone();
	}

}
