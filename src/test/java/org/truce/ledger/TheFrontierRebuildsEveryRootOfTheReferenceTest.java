package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.MerkleFrontier;
import org.truce.ledger.model.MerkleHashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The offline verifier's streaming tree ({@link MerkleFrontier}) against
 * {@link ReferenceMerkle}: the root after every leaf of a 600-leaf tree, and of random
 * trees, is RFC 6962's MTH.
 */
class TheFrontierRebuildsEveryRootOfTheReferenceTest {

	@Test
	void theRootAfterEveryLeafIsTheReferenceRoot() {
		MerkleFrontier frontier = new MerkleFrontier();
		List<byte[]> leaves = new ArrayList<>();
		assertThat(frontier.root()).isEqualTo(MerkleHashes.emptyRoot());
		for (int i = 0; i < 600; i++) {
			byte[] leaf = MerkleHashes.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
			leaves.add(leaf);
			frontier.append(leaf);
			assertThat(frontier.size()).isEqualTo(i + 1);
			assertThat(frontier.root()).as("root of %d leaves", i + 1).isEqualTo(ReferenceMerkle.mth(leaves));
		}
	}

	@Test
	void randomTreesOfUpToFiveThousandLeaves() {
		Random random = new Random(62);
		for (int t = 0; t < 10; t++) {
			int n = 1 + random.nextInt(5_000);
			List<byte[]> leaves = new ArrayList<>();
			MerkleFrontier frontier = new MerkleFrontier();
			for (int i = 0; i < n; i++) {
				byte[] data = new byte[random.nextInt(40)];
				random.nextBytes(data);
				byte[] leaf = MerkleHashes.leafHash(data);
				leaves.add(leaf);
				frontier.append(leaf);
			}
			assertThat(frontier.root()).as("root of %d leaves", n).isEqualTo(ReferenceMerkle.mth(leaves));
		}
	}

	@Test
	void aLeafIsAHash() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MerkleFrontier().append(new byte[31]));
	}

	@Test
	void theRootIsACopy() {
		MerkleFrontier frontier = new MerkleFrontier();
		frontier.append(MerkleHashes.leafHash(new byte[0]));
		frontier.root()[0] ^= 1;
		assertThat(frontier.root()).isEqualTo(MerkleHashes.leafHash(new byte[0]));
	}

}
