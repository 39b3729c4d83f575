package org.truce.ledger.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.Cosignature;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;
import org.truce.ledger.model.WitnessVerdict;

/**
 * One sponsor side's witness of the ledger (c2sp.org/tlog-witness in spirit, over Truce's
 * own endpoints). Each run fetches the log's newest checkpoint, checks the log's
 * signature and origin, proves the new tree consistent with the last one this witness
 * cosigned, and only then adds its cosignature (c2sp.org/tlog-cosignature) and hands it
 * in. It remembers the new checkpoint only once the log has accepted the cosignature, so
 * a failed hand-in is simply retried next run. A log that contradicts a cosigned
 * checkpoint is never cosigned again by this witness; the evidence is kept.
 *
 * <p>
 * Plain Java: no Spring, so that a side can run its witness on its own machine with
 * nothing but the jar, its key and the log's public key.
 */
public final class Witness {

	private final SignerKey key;

	private final VerifierKey logKey;

	private final String origin;

	private final LogServer log;

	private final WitnessMemory memory;

	private final Clock clock;

	/**
	 * @param key this witness's cosigner key (type 0x04)
	 * @param logKey the log's checkpoint key (type 0x01)
	 * @param origin the log's origin, the first line of its checkpoints
	 */
	public Witness(SignerKey key, VerifierKey logKey, String origin, LogServer log, WitnessMemory memory, Clock clock) {
		if (key.type() != SignatureType.COSIGNATURE_V1) {
			throw new IllegalArgumentException("A witness cosigns with a cosigner key (type 0x04), not " + key.type());
		}
		if (logKey.type() != SignatureType.ED25519) {
			throw new IllegalArgumentException("A log signs checkpoints with an Ed25519 key (type 0x01)");
		}
		this.key = key;
		this.logKey = logKey;
		this.origin = origin;
		this.log = log;
		this.memory = memory;
		this.clock = clock;
	}

	public WitnessRun run() {
		Checkpoint previous = null;
		Optional<String> remembered = this.memory.lastCosigned();
		if (remembered.isPresent()) {
			CheckpointVerdict verdict = Checkpoint.verify(remembered.get(), this.origin, this.logKey);
			if (verdict instanceof CheckpointVerdict.Rejected rejected) {
				return new WitnessRun.VerificationFailed("This witness's own state does not hold a checkpoint of "
						+ this.origin + " signed by the log key: " + rejected.message(), false, null);
			}
			previous = ((CheckpointVerdict.Verified) verdict).checkpoint();
		}
		Optional<String> served;
		try {
			served = this.log.latestCheckpoint();
		}
		catch (LogServer.Unreachable ex) {
			return new WitnessRun.ServerTrouble(ex.getMessage());
		}
		if (served.isEmpty()) {
			return new WitnessRun.NothingNew("the log has signed no checkpoint yet");
		}
		CheckpointVerdict verdict = Checkpoint.verify(served.get(), this.origin, this.logKey);
		if (verdict instanceof CheckpointVerdict.Rejected rejected) {
			String message = "The log's newest checkpoint does not verify: " + rejected.message();
			return new WitnessRun.VerificationFailed(message, false,
					keep(message, remembered.orElse(null), served.get(), null));
		}
		CheckpointVerdict.Verified verified = (CheckpointVerdict.Verified) verdict;
		Checkpoint latest = verified.checkpoint();
		Optional<WitnessVerdict> decided = WitnessVerdict.withoutProof(previous, latest);
		List<byte[]> proof = null;
		WitnessVerdict judgement;
		if (decided.isPresent()) {
			judgement = decided.get();
		}
		else {
			try {
				proof = this.log.consistencyProof(previous.size(), latest.size());
			}
			catch (LogServer.Unreachable ex) {
				return new WitnessRun.ServerTrouble(ex.getMessage());
			}
			judgement = WitnessVerdict.withProof(previous, latest, proof);
		}
		if (judgement instanceof WitnessVerdict.Forked forked) {
			return new WitnessRun.VerificationFailed(forked.message(), true,
					keep(forked.message(), remembered.orElse(null), served.get(), proof));
		}
		if (judgement instanceof WitnessVerdict.Extends extension) {
			return cosign(verified.note(), extension.previous(), latest);
		}
		if (judgement instanceof WitnessVerdict.FirstSight) {
			return cosign(verified.note(), null, latest);
		}
		return new WitnessRun.NothingNew("checkpoint " + latest.size() + " is the one already cosigned");
	}

	private WitnessRun cosign(Note served, Checkpoint previous, Checkpoint latest) {
		Note logSigned = Note.unsigned(served.text());
		for (NoteSignature signature : served.signatures()) {
			if (this.logKey.matches(signature)) {
				logSigned = logSigned.withSignature(signature);
			}
		}
		Note cosigned = Cosignature.cosign(logSigned, this.key, this.clock.instant().getEpochSecond());
		try {
			this.log.submit(cosigned.encoded());
		}
		catch (LogServer.Refused ex) {
			return new WitnessRun.ServerTrouble("the log refused the cosignature of checkpoint " + latest.size() + ": "
					+ ex.getMessage() + " (is " + this.key.verifierKey() + " in the server's truce.ledger.witnesses?)");
		}
		catch (LogServer.Unreachable ex) {
			return new WitnessRun.ServerTrouble(ex.getMessage());
		}
		this.memory.remember(cosigned.encoded());
		return new WitnessRun.Cosigned(previous, latest);
	}

	private String keep(String message, String cosignedBefore, String servedNow, List<byte[]> proof) {
		StringBuilder evidence = new StringBuilder();
		evidence.append("Evidence kept by witness ")
			.append(this.key.verifierKey())
			.append(" at ")
			.append(this.clock.instant())
			.append(" about the log ")
			.append(this.origin)
			.append(" (key ")
			.append(this.logKey)
			.append(").\n\n")
			.append(message)
			.append("\n\n");
		evidence.append("== The checkpoint this witness cosigned before ==\n")
			.append(cosignedBefore == null ? "(none)\n" : cosignedBefore)
			.append('\n');
		evidence.append("== The checkpoint the log serves now ==\n").append(servedNow).append('\n');
		if (proof != null) {
			evidence.append("== The consistency proof the log sent (bottom-up, standard base64) ==\n");
			proof.forEach((hash) -> evidence.append(StandardBase64.encode(hash)).append('\n'));
		}
		return this.memory.keepEvidence(evidence.toString());
	}

}
