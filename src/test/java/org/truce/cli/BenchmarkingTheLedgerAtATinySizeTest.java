package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite ledger} at a tiny size on SQLite: appends, proofs in a
 * bulk-built tree and the verification of an export. It checks only that figures come out
 * (and that the proofs and roots it reports agree), never how fast anything was.
 */
class BenchmarkingTheLedgerAtATinySizeTest {

	private static final String NUMBER = "[0-9][0-9,]*(\\.[0-9]+)?";

	@Test
	void printsAppendRatesProofTimesAndVerificationTime(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "ledger", "--store", "sqlite", "--work", work.toString(),
				"--append-entries", "40", "--append-batches", "1,10", "--append-seconds", "2", "--proof-leaves", "1000",
				"--proofs", "20", "--verify-entries", "100", "--verify-canonical");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		assertThat(out).containsPattern("batch +1: +" + NUMBER + " entries/s")
			.containsPattern("batch +10: +" + NUMBER + " entries/s \\(40 entries, 4 commits")
			.contains("Ledger.root(size) equals the root computed while building")
			.containsPattern("Ledger.inclusionProof, random leaves: n=20 mean=" + NUMBER)
			.contains("20 of 20 verified against the root")
			.containsPattern("100 leaves and 0 checkpoint roots in " + NUMBER + " s on one thread")
			.contains("root matches")
			.contains("0 lines not canonical");
	}

}
