package org.truce.ledger;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.MerkleHashes;
import org.truce.report.application.TestStores;
import org.truce.testing.PostgresTest;
import org.truce.testing.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances sharing one store append in turns, and one append rolls back: each
 * instance remembers the border of the tree it last committed, and must notice when the
 * other has appended since, and must not keep what a rolled-back append computed. Every
 * root and some inclusion proofs are checked against {@link ReferenceMerkle}.
 */
class TwoInstancesAppendingToOneStoredLedgerTest {

	@Test
	void instancesTakingTurnsOnOneSqliteFileBuildTheReferenceTree(@TempDir Path dir) {
		takeTurns(instance -> TestStores.sqlite(dir));
	}

	@PostgresTest
	@Test
	void instancesTakingTurnsOnOnePostgresSchemaBuildTheReferenceTree() {
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema()) {
			takeTurns(instance -> TestStores.postgres(new TestStores.PostgresSchema(schema.baseUrl(), schema.name())));
		}
	}

	private void takeTurns(Function<Integer, ConfigurableApplicationContext> start) {
		try (ConfigurableApplicationContext a = start.apply(1); ConfigurableApplicationContext b = start.apply(2)) {
			Ledger first = a.getBean(Ledger.class);
			Ledger second = b.getBean(Ledger.class);
			List<byte[]> leaves = new ArrayList<>();
			int[] batches = { 3, 1, 5, 2, 8, 1, 1, 13, 4, 7 };
			for (int i = 0; i < batches.length; i++) {
				Ledger ledger = (i % 3 == 1) ? second : first;
				append(ledger, leaves, batches[i]);
				if (i == 4) {
					rolledBack(a, first, leaves.size());
				}
				if (i % 2 == 0) {
					// The same instance twice in a row: the remembered border is used.
					append(ledger, leaves, 2);
				}
			}
			assertThat(first.size()).isEqualTo(leaves.size());
			for (int n = 0; n <= leaves.size(); n++) {
				assertThat(second.root(n)).isEqualTo(ReferenceMerkle.mth(leaves.subList(0, n)));
			}
			int n = leaves.size();
			for (int m : new int[] { 0, n / 2, n - 1 }) {
				assertThat(first.inclusionProof(m, n)).containsExactlyElementsOf(ReferenceMerkle.path(m, leaves));
			}
		}
	}

	private static void append(Ledger ledger, List<byte[]> leaves, int count) {
		List<LedgerEntry> entries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			entries.add(new LedgerEntry("test", "entry-" + (leaves.size() + i), Map.of("n", leaves.size() + i)));
		}
		long first = ledger.append(entries);
		assertThat(first).isEqualTo(leaves.size());
		for (LedgerEntry e : entries) {
			leaves.add(MerkleHashes.leafHash(e.canonicalBytes()));
		}
	}

	private static void rolledBack(ConfigurableApplicationContext context, Ledger ledger, long size) {
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			ledger.append(List.of(new LedgerEntry("test", "never", Map.of("n", -1)),
					new LedgerEntry("test", "never", Map.of("n", -2)),
					new LedgerEntry("test", "never", Map.of("n", -3))));
			throw new IllegalStateException("roll back");
		})).hasMessage("roll back");
		assertThat(ledger.size()).isEqualTo(size);
	}

}
