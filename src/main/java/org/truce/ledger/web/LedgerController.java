package org.truce.ledger.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.util.RawValue;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.QueryParameters;
import org.truce.web.RowCaps;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Cosigning;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.application.LogIdentity;
import org.truce.ledger.model.CosignaturePolicy;
import org.truce.ledger.model.StandardBase64;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The ledger for auditors and witnesses: checkpoints, entries and proofs. Hashes are
 * standard base64; proofs follow RFC 9162.
 */
@RestController
class LedgerController {

	static final int MAX_ENTRIES = 1000;

	private final Ledger ledger;

	private final Checkpointing checkpointing;

	private final Cosigning cosigning;

	private final LogIdentity identity;

	private final DisclosurePolicies policies;

	private final RowCaps caps;

	LedgerController(Ledger ledger, Checkpointing checkpointing, Cosigning cosigning, LogIdentity identity,
			DisclosurePolicies policies, RowCaps caps) {
		this.caps = caps;
		this.ledger = ledger;
		this.checkpointing = checkpointing;
		this.cosigning = cosigning;
		this.identity = identity;
		this.policies = policies;
	}

	@Operation(summary = "The newest signed checkpoint, with every cosignature, as a C2SP signed note")
	@GetMapping(path = "/ledger/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> checkpoint(@RequestParam(required = false) Long size) {
		return (size == null ? this.checkpointing.latest() : this.checkpointing.at(size)).map(ResponseEntity::ok)
			.orElseThrow(() -> new RejectedException(checkpointNotFound(size)));
	}

	@Operation(summary = "Whether a checkpoint is final: cosigned by the witness of every configured side",
			description = "For the newest checkpoint, or the one of the given size. Each configured witness is"
					+ " COSIGNED (a valid cosignature is stored), MISSING or INVALID. With no witness configured,"
					+ " no checkpoint is final.")
	@GetMapping("/ledger/checkpoint/status")
	Map<String, Object> checkpointStatus(@RequestParam(required = false) Long size) {
		Cosigning.Finality finality = this.cosigning.finality(size)
			.orElseThrow(() -> new RejectedException(checkpointNotFound(size)));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("origin", finality.checkpoint().origin());
		m.put("size", finality.checkpoint().size());
		m.put("root", StandardBase64.encode(finality.checkpoint().rootHash()));
		List<Map<String, Object>> cosigners = new ArrayList<>();
		for (CosignaturePolicy.Side side : finality.sides()) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("name", side.key().name());
			c.put("key", side.key().encoded());
			c.put("state", side.state().name());
			if (side.timestamp() >= 0) {
				c.put("cosignedAt", Instant.ofEpochSecond(side.timestamp()));
			}
			cosigners.add(c);
		}
		m.put("cosigners", cosigners);
		m.put("final", finality.isFinal());
		if (!finality.witnessesConfigured()) {
			m.put("detail", "No witnesses are configured (truce.ledger.witnesses), so no checkpoint can be final.");
		}
		return m;
	}

	@Operation(summary = "The log's verifier key (name+hexid+base64) and origin")
	@GetMapping("/ledger/key")
	Map<String, String> key() {
		return Map.of("origin", this.identity.origin(), "verifierKey", this.identity.verifierKey().encoded());
	}

	@Operation(summary = "Entries [start, end), at most truce.limits.rows.ledger-entries (1,000)",
			description = "Each entry's text is its RFC 8785 canonical JSON; its leaf hash is SHA-256(0x00 || text)."
					+ " An entry may commit to groups of fields instead of holding them ({\"commitments\": {group:"
					+ " hex}}); \"disclosures\" opens those the reader may see: each commitment is the lowercase hex"
					+ " of SHA-256(salt + \".\" + the RFC 8785 canonical JSON of the value).")
	@GetMapping("/ledger/entries")
	List<Map<String, Object>> entries(@RequestParam long start, @RequestParam long end) {
		long size = this.ledger.size();
		int cap = Math.min(MAX_ENTRIES, this.caps.of("ledger-entries"));
		if (start < 0 || end < start || end > size || end - start > cap) {
			throw QueryParameters.invalid("end", "range", size, cap);
		}
		RowCaps.mark(cap, false);
		return shown(this.ledger.entries(start, end), start, end);
	}

	/**
	 * Entries {@code [start, end)}, each with the disclosures the current reader may see.
	 */
	private List<Map<String, Object>> shown(List<LedgerStore.StoredEntry> entries, long start, long end) {
		Map<Long, List<Map<String, Object>>> opened = new HashMap<>();
		for (Disclosures.Stored d : this.ledger.disclosures(start, end, this.policies.forCurrentReader())) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("group", d.disclosure().group());
			m.put("salt", d.disclosure().salt());
			// The text hashed, as is: the server's JSON settings (it leaves out nulls)
			// must not change the value a reader checks.
			m.put("value", new RawValue(d.disclosure().canonicalValue()));
			opened.computeIfAbsent(d.index(), (i) -> new ArrayList<>()).add(m);
		}
		List<Map<String, Object>> shown = new ArrayList<>(entries.size());
		for (LedgerStore.StoredEntry e : entries) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("index", e.index());
			m.put("kind", e.kind());
			m.put("subject", e.subject());
			m.put("entry", e.canonicalJson());
			m.put("leafHash", StandardBase64.encode(e.leafHash()));
			m.put("appendedAt", e.appendedAt());
			m.put("disclosures", opened.getOrDefault(e.index(), List.of()));
			shown.add(m);
		}
		return shown;
	}

	@Operation(summary = "An inclusion proof (RFC 9162 §2.1.3), by leaf index or leaf hash",
			description = "size defaults to the newest checkpoint's size.")
	@GetMapping("/ledger/proof/inclusion")
	Map<String, Object> inclusion(@RequestParam(required = false) Long index,
			@RequestParam(required = false) String hash, @RequestParam(required = false) Long size) {
		long n = size == null ? checkpointSize() : size;
		long i;
		if (index != null) {
			i = index;
		}
		else if (hash != null) {
			byte[] leaf = decode("hash", hash);
			i = this.ledger.indexOfLeafHash(leaf)
				.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "hash", "leafHash", hash)));
		}
		else {
			throw QueryParameters.invalid("index", "indexOrHash");
		}
		return inclusionProof(i, n);
	}

	@Operation(summary = "The inclusion proof of a report's ledger entry in the newest checkpoint",
			description = "The entry is shown as by /ledger/entries, with the disclosures the reader may see. A report"
					+ " the reader may not see is not found, as one that does not exist.")
	@GetMapping("/api/reports/{id}/proof")
	Map<String, Object> reportProof(@PathVariable String id) {
		// A report the reader may not see is answered as one that does not exist.
		long i = this.ledger.indexOf("report", id)
			.filter(found -> this.policies.forCurrentReader().mayOpen("report", id, "event"))
			.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "id", "reportEntry", id)));
		long n = checkpointSize();
		if (i >= n) {
			throw new RejectedException(Problem.keyed(ErrorCode.CONFLICT, "id", "notCheckpointed"));
		}
		Map<String, Object> proof = inclusionProof(i, n);
		proof.put("entry", shown(this.ledger.entries(i, i + 1), i, i + 1).get(0));
		proof.put("checkpoint", this.checkpointing.at(n).orElseThrow());
		return proof;
	}

	private Map<String, Object> inclusionProof(long index, long size) {
		if (size < 1 || size > this.ledger.size() || index < 0 || index >= size) {
			throw QueryParameters.invalid("index", "index", this.ledger.size());
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("index", index);
		m.put("size", size);
		m.put("leafHash", StandardBase64.encode(this.ledger.entries(index, index + 1).get(0).leafHash()));
		m.put("root", StandardBase64.encode(this.ledger.root(size)));
		m.put("proof", this.ledger.inclusionProof(index, size).stream().map(StandardBase64::encode).toList());
		return m;
	}

	@Operation(summary = "A consistency proof (RFC 9162 §2.1.4) between two tree sizes")
	@GetMapping("/ledger/proof/consistency")
	Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
		if (from < 0 || from > to || to > this.ledger.size()) {
			throw QueryParameters.invalid("to", "fromTo", this.ledger.size());
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("from", from);
		m.put("to", to);
		m.put("root1", StandardBase64.encode(this.ledger.root(from)));
		m.put("root2", StandardBase64.encode(this.ledger.root(to)));
		m.put("proof", this.ledger.consistencyProof(from, to).stream().map(StandardBase64::encode).toList());
		return m;
	}

	@Operation(summary = "Submit a witness's cosignature",
			description = "The body is the checkpoint as a signed note carrying the witness's cosignature line"
					+ " (c2sp.org/tlog-cosignature). Only keys configured in truce.ledger.witnesses are accepted.")
	@PostMapping(path = "/ledger/cosignature", consumes = MediaType.TEXT_PLAIN_VALUE)
	Map<String, Object> cosign(@RequestBody String note) {
		Cosigning.Accepted accepted = this.cosigning.accept(note);
		return Map.of("size", accepted.size(), "cosigners", accepted.cosigners());
	}

	private long checkpointSize() {
		return this.checkpointing.latestSize()
			.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "size", "noCheckpointYet")));
	}

	private static byte[] decode(String field, String b64) {
		try {
			return StandardBase64.decode(b64);
		}
		catch (IllegalArgumentException ex) {
			throw QueryParameters.invalid(field, "base64", field);
		}
	}

	private static Problem checkpointNotFound(Long size) {
		return size == null ? Problem.keyed(ErrorCode.NOT_FOUND, "size", "noCheckpoint")
				: Problem.keyed(ErrorCode.NOT_FOUND, "size", "checkpoint", size);
	}

}
