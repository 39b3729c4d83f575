package org.truce.ledger.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import org.springframework.stereotype.Service;
import org.truce.ledger.model.VerifierKey;

/**
 * Writes the ledger to a directory ({@link ExportedLedger}) for offline verification,
 * with the disclosures a policy opens (a report's entry holds only commitments). First
 * signs a checkpoint of the tree as it stands (if it grew since the last), then exports
 * the entries up to the newest signed checkpoint, so that every exported entry is covered
 * by a signature. Entries and checkpoints are read page by page, so memory does not grow
 * with the log.
 */
@Service
public class ExportingLedger {

	static final int ENTRY_PAGE = 10_000;

	static final int CHECKPOINT_PAGE = 1_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Ledger ledger;

	private final LedgerStore store;

	private final Checkpointing checkpointing;

	private final LogIdentity identity;

	public ExportingLedger(Ledger ledger, LedgerStore store, Checkpointing checkpointing, LogIdentity identity) {
		this.ledger = ledger;
		this.store = store;
		this.checkpointing = checkpointing;
		this.identity = identity;
	}

	/** What was written: entries, disclosures, checkpoints and witness keys. */
	public record Summary(long entries, long disclosures, long checkpoints, int witnesses) {

	}

	/**
	 * Writes the export into {@code dir}, an existing empty directory, with the
	 * disclosures that {@code policy} opens.
	 */
	public Summary export(Path dir, DisclosurePolicy policy) throws IOException {
		this.checkpointing.checkpoint();
		long size = this.checkpointing.latestSize().orElse(0L);
		long disclosures = 0;
		try (Writer entries = writer(dir.resolve(ExportedLedger.ENTRIES));
				Writer opened = writer(dir.resolve(ExportedLedger.DISCLOSURES))) {
			for (long start = 0; start < size; start += ENTRY_PAGE) {
				long end = Math.min(size, start + ENTRY_PAGE);
				for (LedgerStore.StoredEntry e : this.ledger.entries(start, end)) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("index", e.index());
					line.put("kind", e.kind());
					line.put("subject", e.subject());
					line.put("entry", e.canonicalJson());
					entries.write(JSON.writeValueAsString(line));
					entries.write('\n');
				}
				for (Disclosures.Stored d : this.ledger.disclosures(start, end, policy)) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("index", d.index());
					line.put("kind", d.kind());
					line.put("subject", d.subject());
					line.put("group", d.disclosure().group());
					line.put("salt", d.disclosure().salt());
					line.put("value", new RawValue(d.disclosure().canonicalValue()));
					opened.write(JSON.writeValueAsString(line));
					opened.write('\n');
					disclosures++;
				}
			}
		}
		Files.createDirectories(dir.resolve(ExportedLedger.CHECKPOINTS));
		long checkpoints = 0;
		long after = -1;
		while (true) {
			List<LedgerStore.StoredCheckpoint> page = this.store.checkpoints(after, size, CHECKPOINT_PAGE);
			for (LedgerStore.StoredCheckpoint c : page) {
				Files.writeString(ExportedLedger.checkpoint(dir, c.size()), this.checkpointing.withCosignatures(c),
						StandardCharsets.UTF_8);
				checkpoints++;
				after = c.size();
			}
			if (page.size() < CHECKPOINT_PAGE) {
				break;
			}
		}
		String logKey = this.identity.verifierKey().encoded();
		Files.writeString(dir.resolve(ExportedLedger.LOG_KEY), logKey + "\n", StandardCharsets.UTF_8);
		StringBuilder witnesses = new StringBuilder();
		this.identity.witnesses()
			.stream()
			.map(VerifierKey::encoded)
			.sorted()
			.forEach((key) -> witnesses.append(key).append('\n'));
		Files.writeString(dir.resolve(ExportedLedger.WITNESS_KEYS), witnesses, StandardCharsets.UTF_8);
		Files.writeString(dir.resolve(ExportedLedger.README),
				ExportedLedger.readme(this.identity.origin(), logKey, size, disclosures, checkpoints),
				StandardCharsets.UTF_8);
		return new Summary(size, disclosures, checkpoints, this.identity.witnesses().size());
	}

	private static Writer writer(Path file) throws IOException {
		return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
	}

}
