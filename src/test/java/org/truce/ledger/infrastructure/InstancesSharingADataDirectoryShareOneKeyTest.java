package org.truce.ledger.infrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server instances that share a data directory start at the same time and each generate
 * the log's key on first use: they must all end up signing with the one key that is in
 * the file, never each with its own.
 */
class InstancesSharingADataDirectoryShareOneKeyTest {

	private static final int INSTANCES = 8;

	@TempDir
	Path dir;

	@Test
	void instancesCreatingTheKeyAtOnceAllLoadTheSameKey() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
		try {
			for (int round = 0; round < 30; round++) {
				Path data = this.dir.resolve("data-" + round);
				CyclicBarrier together = new CyclicBarrier(INSTANCES);
				List<Future<SignerKey>> keys = new ArrayList<>();
				for (int i = 0; i < INSTANCES; i++) {
					keys.add(pool.submit(() -> {
						together.await();
						return LedgerKeyFile.loadOrCreate(data, "truce.example/log");
					}));
				}
				List<VerifierKey> loaded = new ArrayList<>();
				for (Future<SignerKey> key : keys) {
					loaded.add(key.get().verifierKey());
				}
				VerifierKey inFile = SignerKey.parse(Files.readString(data.resolve(LedgerKeyFile.KEY))).verifierKey();
				assertThat(loaded).as("round %d", round).containsOnly(inFile);
				assertThat(
						PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(LedgerKeyFile.KEY))))
					.isEqualTo("rw-------");
				try (var files = Files.list(data)) {
					assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(LedgerKeyFile.KEY,
							LedgerKeyFile.PUBLIC);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
