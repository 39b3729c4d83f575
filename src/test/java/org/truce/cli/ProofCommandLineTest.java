package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor checks single proofs with {@code truce proof verify-inclusion} and
 * {@code verify-consistency}: exit 0 for a valid proof, 1 for an invalid one (with the
 * reason), 2 for a usage error. The hashes are those of the published RFC 6962 vectors
 * (size 8, leaf 5; sizes 7 and 8).
 */
class ProofCommandLineTest {

	private static final String LEAF_5 = b64("4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658");

	private static final String PROOF_5_OF_8 = b64("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
			"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");

	private static final String ROOT_7 = b64("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c");

	private static final String ROOT_8 = b64("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	private static final String PROOF_7_TO_8 = b64("b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
			"46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
			"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");

	private static final String LEAF_0 = b64("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");

	record Run(int exitCode, String out, String err) {
	}

	private static Run truce(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = new CommandLine(new TruceMain());
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int code = commandLine.execute(args);
		return new Run(code, out.toString(), err.toString());
	}

	private static Run inclusion(String index, String size, String leaf, String root, String proof) {
		return truce("proof", "verify-inclusion", "--index", index, "--size", size, "--leaf-hash", leaf, "--root", root,
				"--proof", proof);
	}

	private static Run consistency(String size1, String size2, String root1, String root2, String proof) {
		return truce("proof", "verify-consistency", "--size1", size1, "--size2", size2, "--root1", root1, "--root2",
				root2, "--proof", proof);
	}

	@Test
	void aValidInclusionProofExitsZero() {
		Run run = inclusion("5", "8", LEAF_5, ROOT_8, PROOF_5_OF_8);
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).startsWith("valid");
	}

	@Test
	void theOnlyLeafOfATreeOfOneHasAnEmptyProof() {
		assertThat(inclusion("0", "1", LEAF_0, LEAF_0, "").exitCode()).isZero();
		assertThat(truce("proof", "verify-inclusion", "--index=0", "--size=1", "--leaf-hash=" + LEAF_0,
				"--root=" + LEAF_0, "--proof=")
			.exitCode()).isZero();
	}

	@Test
	void anInvalidInclusionProofExitsOneAndSaysWhy() {
		Run wrongRoot = inclusion("5", "8", LEAF_5, ROOT_7, PROOF_5_OF_8);
		assertThat(wrongRoot.exitCode()).isEqualTo(1);
		assertThat(wrongRoot.out()).contains("invalid").contains("ROOT_MISMATCH");
		Run outOfRange = inclusion("8", "8", LEAF_5, ROOT_8, PROOF_5_OF_8);
		assertThat(outOfRange.exitCode()).isEqualTo(1);
		assertThat(outOfRange.out()).contains("INDEX_OUT_OF_RANGE");
		Run shortProof = inclusion("5", "8", LEAF_5, ROOT_8, PROOF_5_OF_8.substring(0, PROOF_5_OF_8.lastIndexOf(',')));
		assertThat(shortProof.exitCode()).isEqualTo(1);
		assertThat(shortProof.out()).contains("WRONG_PROOF_LENGTH");
		assertThat(inclusion("4", "8", LEAF_5, ROOT_8, PROOF_5_OF_8).exitCode()).isEqualTo(1);
		assertThat(inclusion("5", "8", LEAF_5, ROOT_8, "").exitCode()).isEqualTo(1);
	}

	@Test
	void consistencyProofsExitZeroWhenValidAndOneWhenNot() {
		assertThat(consistency("7", "8", ROOT_7, ROOT_8, PROOF_7_TO_8).exitCode()).isZero();
		assertThat(consistency("8", "8", ROOT_8, ROOT_8, "").exitCode()).isZero();
		Run swapped = consistency("7", "8", ROOT_8, ROOT_7, PROOF_7_TO_8);
		assertThat(swapped.exitCode()).isEqualTo(1);
		assertThat(swapped.out()).contains("invalid");
		assertThat(consistency("8", "7", ROOT_8, ROOT_7, PROOF_7_TO_8).out()).contains("SIZES_OUT_OF_ORDER");
		assertThat(consistency("7", "8", ROOT_7, ROOT_8, "").out()).contains("EMPTY_PROOF");
		assertThat(consistency("8", "8", ROOT_8, ROOT_8, PROOF_7_TO_8).out()).contains("NON_EMPTY_PROOF");
	}

	@Test
	void usageErrorsExitTwo() {
		List<Run> runs = List.of(inclusion("5", "8", "not base64!", ROOT_8, PROOF_5_OF_8),
				inclusion("5", "8", LEAF_5, ROOT_8.substring(0, 43), PROOF_5_OF_8),
				inclusion("5", "8", LEAF_5, b64("00112233"), PROOF_5_OF_8),
				inclusion("5", "8", LEAF_5, ROOT_8, PROOF_5_OF_8 + ","),
				inclusion("5", "8", LEAF_5, ROOT_8, PROOF_5_OF_8 + ",,"),
				inclusion("-1", "8", LEAF_5, ROOT_8, PROOF_5_OF_8), inclusion("5", "-8", LEAF_5, ROOT_8, PROOF_5_OF_8),
				inclusion("five", "8", LEAF_5, ROOT_8, PROOF_5_OF_8),
				truce("proof", "verify-inclusion", "--index", "5", "--size", "8", "--leaf-hash", LEAF_5, "--proof", ""),
				truce("proof", "verify-inclusion", "--index", "5", "--size", "8", "--leaf-hash", LEAF_5, "--root",
						ROOT_8, "--proof", "", "--extra"),
				consistency("7", "8", ROOT_7, "%%%", PROOF_7_TO_8),
				consistency("-7", "8", ROOT_7, ROOT_8, PROOF_7_TO_8),
				consistency("7", "8", ROOT_7, ROOT_8, PROOF_7_TO_8.replace('/', '_')));
		for (Run run : runs) {
			assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
			assertThat(run.err()).as("%s", run).isNotBlank();
		}
	}

	private static String b64(String... hex) {
		return java.util.Arrays.stream(hex)
			.map((h) -> Base64.getEncoder().encodeToString(HexFormat.of().parseHex(h)))
			.collect(Collectors.joining(","));
	}

}
