package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.truce.ledger.model.InMemoryNodeStore;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.MerkleTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appending leaves in batches of any sizes stores exactly the nodes, and gives exactly
 * the roots and proofs, of appending the same leaves one by one, and both agree with RFC
 * 6962 written out recursively ({@link ReferenceMerkle}).
 */
class BatchedAppendsMakeTheTreeOfOneByOneAppendsProperties {

	@Property(tries = 200)
	void batchesOfAnySizesMakeTheSameTree(@ForAll @IntRange(min = 0, max = 700) int leaves,
			@ForAll @Size(max = 30) List<@IntRange(min = 1, max = 200) Integer> batchSizes) {
		List<byte[]> hashes = new ArrayList<>(leaves);
		for (int i = 0; i < leaves; i++) {
			hashes.add(MerkleHashes.leafHash(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
		}
		InMemoryNodeStore batchedStore = new InMemoryNodeStore();
		MerkleTree batched = new MerkleTree(batchedStore);
		int done = 0;
		for (int b = 0; done < leaves; b++) {
			int n = Math.min(leaves - done, batchSizes.isEmpty() ? leaves : batchSizes.get(b % batchSizes.size()));
			assertThat(batched.appendAll(hashes.subList(done, done + n))).isEqualTo(done);
			done += n;
		}
		InMemoryNodeStore singleStore = new InMemoryNodeStore();
		MerkleTree single = new MerkleTree(singleStore);
		for (int i = 0; i < leaves; i++) {
			assertThat(single.append(hashes.get(i))).isEqualTo(i);
		}
		assertThat(batched.size()).isEqualTo(leaves);
		for (int level = 0; level < 11; level++) {
			for (long index = 0; index < (leaves >>> level); index++) {
				assertThat(batchedStore.node(level, index)).as("node (%d, %d)", level, index)
					.isEqualTo(singleStore.node(level, index));
			}
		}
		for (int size = 0; size <= leaves; size += 1 + size / 7) {
			assertThat(batched.root(size)).isEqualTo(single.root(size))
				.isEqualTo(ReferenceMerkle.mth(hashes.subList(0, size)));
			if (size > 0) {
				int index = (size * 31 + 7) % size;
				assertThat(batched.inclusionProof(index, size)).usingElementComparator(java.util.Arrays::compare)
					.containsExactlyElementsOf(ReferenceMerkle.path(index, hashes.subList(0, size)));
			}
		}
	}

}
