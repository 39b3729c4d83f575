package org.truce.bulletin.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.truce.bulletin.application.SigningBulletins;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.StandardBase64;

/**
 * The ledger proofs of a bulletin: its {@code bulletin-drafted} entry (which holds the
 * digest of bulletin.json) and, once published, its {@code bulletin-published} entry,
 * each with its inclusion proof (RFC 9162 §2.1.3) in the newest signed checkpoint. Their
 * bodies are in the clear (no committed group), so they are the same for every reader.
 */
@Component
class BulletinProofs {

	private final Ledger ledger;

	private final Checkpointing checkpointing;

	BulletinProofs(Ledger ledger, Checkpointing checkpointing) {
		this.ledger = ledger;
		this.checkpointing = checkpointing;
	}

	/**
	 * {@code checkpoint} (the signed note, or null before the first) and {@code entries}:
	 * for each entry, its index, kind, canonical JSON and leaf hash, and its inclusion
	 * proof ({@code proof}, {@code size}, {@code root}), or {@code pending: true} while
	 * no signed checkpoint covers it yet.
	 */
	Map<String, Object> of(UUID draftId, boolean published) {
		Optional<Long> size = this.checkpointing.latestSize();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("checkpoint", size.flatMap(this.checkpointing::at).orElse(null));
		List<String> kinds = published ? List.of(SigningBulletins.DRAFTED, SigningBulletins.PUBLISHED)
				: List.of(SigningBulletins.DRAFTED);
		out.put("entries",
				kinds.stream()
					.map(kind -> this.ledger.indexOf(kind, draftId.toString()))
					.flatMap(Optional::stream)
					.map(index -> entry(index, size.orElse(0L)))
					.toList());
		return out;
	}

	private Map<String, Object> entry(long index, long checkpointSize) {
		LedgerStore.StoredEntry e = this.ledger.entries(index, index + 1).get(0);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("index", index);
		m.put("kind", e.kind());
		m.put("subject", e.subject());
		m.put("entry", e.canonicalJson());
		m.put("leafHash", StandardBase64.encode(e.leafHash()));
		m.put("pending", index >= checkpointSize);
		if (index < checkpointSize) {
			m.put("size", checkpointSize);
			m.put("root", StandardBase64.encode(this.ledger.root(checkpointSize)));
			m.put("proof",
					this.ledger.inclusionProof(index, checkpointSize).stream().map(StandardBase64::encode).toList());
		}
		return m;
	}

}
