package org.truce.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.truce.ledger.application.ExportVerdict;
import org.truce.ledger.application.ExportedLedger;
import org.truce.ledger.application.VerifyingExport;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.VerifierKey;

/**
 * {@code truce verify DIR}: checks a ledger exported with {@code truce export ledger},
 * offline (see {@link VerifyingExport}). No Spring context, no store, no network.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Verify an exported ledger offline: recompute every leaf and every root, check every"
				+ " checkpoint's signature and their consistency, every disclosure against its entry's commitment,"
				+ " and optionally the sides' cosignatures." },
		exitCodeListHeading = "Exit codes:%n", exitCodeList = { "0:the export is valid",
				"1:the export is invalid (the first failure is printed)", "2:usage error" })
class VerifyCommand implements Callable<Integer> {

	static final int VALID = 0;

	static final int INVALID = 1;

	static final int USAGE = 2;

	@Parameters(index = "0", paramLabel = "DIR", description = "The directory 'truce export ledger' wrote.")
	Path dir;

	@Option(names = "--log-key", paramLabel = "VKEY",
			description = "The log's verifier key (name+hexid+base64). Without it, log.pub in DIR is used, and that"
					+ " proves little.")
	String logKey;

	@Option(names = "--require-cosigners", paramLabel = "VKEY,...", split = ",",
			description = "Witness (cosigner) keys of the sides that must have cosigned: the export is valid only if"
					+ " some checkpoint carries a valid cosignature of every one.")
	List<String> requiredCosigners = new ArrayList<>();

	@Option(names = "--key", paramLabel = "VKEY",
			description = "A trusted key, repeatable: a log key (type 0x01) acts as --log-key, a cosigner key (type"
					+ " 0x04) as one of --require-cosigners.")
	List<String> keys = new ArrayList<>();

	@Option(names = "--origin", paramLabel = "ORIGIN",
			description = "The log's origin (default: the log key's name, which Truce makes its origin).")
	String origin;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		VerifyingExport.Trust trust;
		try {
			trust = trust();
		}
		catch (IllegalArgumentException ex) {
			err.println("truce verify: " + ex.getMessage());
			err.flush();
			return USAGE;
		}
		if (!Files.isDirectory(this.dir)) {
			err.println("truce verify: no such directory: " + this.dir);
			err.flush();
			return USAGE;
		}
		ExportVerdict verdict = VerifyingExport.verify(this.dir, trust);
		ExportVerdict.Summary summary = verdict.summary();
		for (String warning : summary.warnings()) {
			err.println("WARNING: " + warning);
		}
		err.flush();
		out.println("entries: " + summary.entries()
				+ (verdict.valid() ? " (every leaf recomputed, canonical JSON)" : " checked before the failure"));
		out.println("checkpoints: " + summary.checkpoints() + (summary.logKey() == null ? ""
				: ", signed by " + summary.logKey() + (summary.logKeyFromExport() ? " (from log.pub)" : "")));
		if (summary.root() != null) {
			out.println("root of all entries: " + summary.root());
		}
		if (!summary.disclosuresFile()) {
			out.println("disclosures: none (the export has no " + ExportedLedger.DISCLOSURES + ")");
		}
		else if (!verdict.valid()) {
			out.println("disclosures: " + summary.disclosures() + " checked before the failure");
		}
		else {
			out.println("disclosures: " + (summary.disclosures() == 0 ? "none opened in the export"
					: summary.disclosures() + " (each opens its entry's commitment)"));
		}
		if (summary.cosigners().isEmpty()) {
			out.println("cosigners: none known (give --require-cosigners, or the export lists none in witnesses.pub)");
		}
		for (ExportVerdict.Cosigner c : summary.cosigners()) {
			out.println("cosigner " + c.key().name() + (c.required() ? " (required)" : " (from witnesses.pub)") + ": "
					+ (c.cosigned() == 0 ? "cosigned no checkpoint"
							: "cosigned " + c.cosigned() + (c.cosigned() == 1 ? " checkpoint" : " checkpoints")
									+ ", the largest of size " + c.newestSize())
					+ (c.invalid() > 0 ? "; " + c.invalid() + " cosignatures do NOT verify" : ""));
		}
		if (summary.finalSize() >= 0) {
			out.println("final: cosigned by every required side up to size " + summary.finalSize()
					+ (summary.finalSize() < summary.entries() ? "; entries " + summary.finalSize() + " to "
							+ (summary.entries() - 1) + " are signed by the log alone" : ""));
		}
		if (verdict instanceof ExportVerdict.Invalid invalid) {
			out.println("INVALID [" + invalid.failure() + "] " + invalid.message());
			out.flush();
			return INVALID;
		}
		out.println("valid");
		out.flush();
		return VALID;
	}

	private VerifyingExport.Trust trust() {
		VerifierKey log = this.logKey == null ? null : key("--log-key", this.logKey);
		List<VerifierKey> cosigners = new ArrayList<>();
		for (String text : this.requiredCosigners) {
			if (!text.isBlank()) {
				cosigners.add(key("--require-cosigners", text));
			}
		}
		for (String text : this.keys) {
			VerifierKey key = key("--key", text);
			if (key.type() == SignatureType.ED25519) {
				if (log != null && !log.equals(key)) {
					throw new IllegalArgumentException("two different log keys given: " + log + " and " + key);
				}
				log = key;
			}
			else {
				cosigners.add(key);
			}
		}
		if (log != null && log.type() != SignatureType.ED25519) {
			throw new IllegalArgumentException("--log-key is not a log key (type 0x01): " + log);
		}
		for (VerifierKey key : cosigners) {
			if (key.type() != SignatureType.COSIGNATURE_V1) {
				throw new IllegalArgumentException("not a witness's cosigner key (type 0x04): " + key);
			}
		}
		return new VerifyingExport.Trust(log, this.origin, cosigners);
	}

	private static VerifierKey key(String option, String text) {
		try {
			return VerifierKey.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(option + ": " + ex.getMessage(), ex);
		}
	}

}
