package org.truce.ledger.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.Cosignature;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;

/**
 * What the integrity page shows: the log, its newest checkpoint, and which sponsor sides'
 * witnesses have cosigned it. The page's script checks the signatures again in the
 * browser; what is here is the server's account.
 *
 * @param origin the log's name, the first line of its checkpoints
 * @param logKey the log's verifier key ({@code name+hexid+base64})
 * @param checkpoint the newest checkpoint, if one was signed
 */
record LedgerPage(String origin, String logKey, Optional<Shown> checkpoint) {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	/**
	 * A checkpoint as shown.
	 *
	 * @param size the tree size
	 * @param root the root hash, standard base64
	 * @param note the whole signed note, with every cosignature
	 * @param sides the configured witnesses, by name, and whether each has cosigned
	 * @param otherSigners names on signature lines that are neither the log's nor a
	 * configured witness's
	 */
	record Shown(long size, String root, String note, List<Side> sides, List<String> otherSigners) {

		public boolean cosignedByEverySide() {
			return !this.sides.isEmpty() && this.sides.stream().allMatch(Side::cosigned);
		}

	}

	/**
	 * A sponsor side's witness.
	 *
	 * @param name the witness key's name
	 * @param key its verifier key
	 * @param cosigned whether the checkpoint carries its cosignature
	 * @param at when it says it cosigned (UTC), or null
	 */
	record Side(String name, String key, boolean cosigned, String at) {

	}

	static LedgerPage of(String origin, VerifierKey logKey, List<VerifierKey> witnesses, Optional<String> latest) {
		return new LedgerPage(origin, logKey.encoded(), latest.map(text -> shown(logKey, witnesses, text)));
	}

	private static Shown shown(VerifierKey logKey, List<VerifierKey> witnesses, String text) {
		Note note = Note.parse(text);
		Checkpoint checkpoint = Checkpoint.parse(note.text());
		List<Side> sides = new ArrayList<>();
		for (VerifierKey witness : witnesses.stream().sorted(Comparator.comparing(VerifierKey::name)).toList()) {
			Optional<NoteSignature> line = note.signatures().stream().filter(witness::matches).findFirst();
			sides.add(new Side(witness.name(), witness.encoded(), line.isPresent(),
					line.map(s -> UTC.format(Instant.ofEpochSecond(Cosignature.timestamp(s)))).orElse(null)));
		}
		List<String> others = note.signatures()
			.stream()
			.filter(s -> !logKey.matches(s) && witnesses.stream().noneMatch(w -> w.matches(s)))
			.map(NoteSignature::keyName)
			.toList();
		return new Shown(checkpoint.size(), StandardBase64.encode(checkpoint.rootHash()), text, sides, others);
	}

}
