package org.truce.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.ProofVerdict;
import org.truce.ledger.model.ProofVerifier;
import org.truce.ledger.model.StandardBase64;

/**
 * Offline checks of single Merkle proofs (RFC 9162). No Spring context and no store: an
 * auditor runs them against hashes taken from anywhere. Exit codes: 0 valid, 1 invalid
 * (the reason is printed), 2 usage error.
 */
@Command(name = "proof", mixinStandardHelpOptions = true,
		description = "Check a Merkle inclusion or consistency proof offline (RFC 9162).",
		subcommands = { ProofCommand.VerifyInclusion.class, ProofCommand.VerifyConsistency.class })
class ProofCommand {

	static final int VALID = 0;

	static final int INVALID = 1;

	static final int USAGE = 2;

	@Command(name = "verify-inclusion", mixinStandardHelpOptions = true,
			description = "Check that a leaf hash is in the tree with the given root (RFC 9162 §2.1.3.2).",
			exitCodeListHeading = "Exit codes:%n",
			exitCodeList = { "0:the proof is valid", "1:the proof is invalid", "2:usage error" })
	static class VerifyInclusion implements Callable<Integer> {

		@Option(names = "--index", required = true, paramLabel = "I", description = "Index of the leaf (from 0).")
		long index;

		@Option(names = "--size", required = true, paramLabel = "N", description = "Size of the tree.")
		long size;

		@Option(names = "--leaf-hash", required = true, paramLabel = "B64",
				description = "The leaf hash, SHA-256(0x00 || entry), standard base64.")
		String leafHash;

		@Option(names = "--root", required = true, paramLabel = "B64", description = "Root hash, standard base64.")
		String root;

		@Option(names = "--proof", required = true, paramLabel = "B64,B64,...",
				description = "Proof hashes bottom-up, comma-separated standard base64; an empty string for none.")
		String proof;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter err = this.spec.commandLine().getErr();
			try {
				requireNonNegative("--index", this.index);
				requireNonNegative("--size", this.size);
				ProofVerdict verdict = ProofVerifier.verifyInclusion(this.index, this.size,
						hash("--leaf-hash", this.leafHash), hashes(this.proof), hash("--root", this.root));
				return report(verdict, this.spec, "leaf " + this.index + " is in the tree of " + this.size);
			}
			catch (UsageException ex) {
				err.println(ex.getMessage());
				err.flush();
				return USAGE;
			}
		}

	}

	@Command(name = "verify-consistency", mixinStandardHelpOptions = true,
			description = "Check that the second tree extends the first (RFC 9162 §2.1.4.2).",
			exitCodeListHeading = "Exit codes:%n",
			exitCodeList = { "0:the proof is valid", "1:the proof is invalid", "2:usage error" })
	static class VerifyConsistency implements Callable<Integer> {

		@Option(names = "--size1", required = true, paramLabel = "M", description = "Size of the first tree.")
		long size1;

		@Option(names = "--size2", required = true, paramLabel = "N", description = "Size of the second tree.")
		long size2;

		@Option(names = "--root1", required = true, paramLabel = "B64",
				description = "Root of the first tree, standard base64.")
		String root1;

		@Option(names = "--root2", required = true, paramLabel = "B64",
				description = "Root of the second tree, standard base64.")
		String root2;

		@Option(names = "--proof", required = true, paramLabel = "B64,B64,...",
				description = "Proof hashes bottom-up, comma-separated standard base64; an empty string for none.")
		String proof;

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter err = this.spec.commandLine().getErr();
			try {
				requireNonNegative("--size1", this.size1);
				requireNonNegative("--size2", this.size2);
				ProofVerdict verdict = ProofVerifier.verifyConsistency(this.size1, this.size2,
						hash("--root1", this.root1), hash("--root2", this.root2), hashes(this.proof));
				return report(verdict, this.spec, "the tree of " + this.size2 + " extends the tree of " + this.size1);
			}
			catch (UsageException ex) {
				err.println(ex.getMessage());
				err.flush();
				return USAGE;
			}
		}

	}

	private static int report(ProofVerdict verdict, CommandSpec spec, String claim) {
		if (verdict instanceof ProofVerdict.Invalid invalid) {
			PrintWriter out = spec.commandLine().getOut();
			out.println("invalid: " + invalid.message() + " [" + invalid.failure() + "]");
			out.flush();
			return INVALID;
		}
		PrintWriter out = spec.commandLine().getOut();
		out.println("valid: " + claim);
		out.flush();
		return VALID;
	}

	private static void requireNonNegative(String option, long value) {
		if (value < 0) {
			throw new UsageException(option + " must not be negative, not " + value);
		}
	}

	static byte[] hash(String option, String base64) {
		byte[] bytes;
		try {
			bytes = StandardBase64.decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(option + ": '" + base64 + "' is not standard base64 (" + ex.getMessage() + ")");
		}
		if (!MerkleHashes.isHash(bytes)) {
			throw new UsageException(option + ": a hash is 32 bytes, this is " + bytes.length);
		}
		return bytes;
	}

	static List<byte[]> hashes(String commaSeparated) {
		List<byte[]> hashes = new ArrayList<>();
		if (commaSeparated.isBlank()) {
			return hashes;
		}
		String[] parts = commaSeparated.split(",", -1);
		for (int i = 0; i < parts.length; i++) {
			hashes.add(hash("--proof (hash " + (i + 1) + ")", parts[i]));
		}
		return hashes;
	}

	/** A parse failure of this command's own: exit code 2, like picocli's. */
	static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}

	}

}
