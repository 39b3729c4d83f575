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

import org.springframework.stereotype.Service;
import org.truce.ledger.model.VerifierKey;

/**
 * Writes the ledger to a directory ({@link ExportedLedger}) for offline verification.
 * First signs a checkpoint of the tree as it stands (if it grew since the last), then
 * exports the entries up to the newest signed checkpoint, so that every exported entry is
 * covered by a signature. Entries and checkpoints are read page by page, so memory does
 * not grow with the log.
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

	/** What was written: entries, checkpoints and witness keys. */
	public record Summary(long entries, long checkpoints, int witnesses) {

	}

	/** Writes the export into {@code dir}, an existing empty directory. */
	public Summary export(Path dir) throws IOException {
		this.checkpointing.checkpoint();
		long size = this.checkpointing.latestSize().orElse(0L);
		try (Writer out = new BufferedWriter(
				Files.newBufferedWriter(dir.resolve(ExportedLedger.ENTRIES), StandardCharsets.UTF_8), 1 << 16)) {
			for (long start = 0; start < size; start += ENTRY_PAGE) {
				for (LedgerStore.StoredEntry e : this.ledger.entries(start, Math.min(size, start + ENTRY_PAGE))) {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("index", e.index());
					line.put("kind", e.kind());
					line.put("subject", e.subject());
					line.put("entry", e.canonicalJson());
					out.write(JSON.writeValueAsString(line));
					out.write('\n');
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
				ExportedLedger.readme(this.identity.origin(), logKey, size, checkpoints), StandardCharsets.UTF_8);
		return new Summary(size, checkpoints, this.identity.witnesses().size());
	}

}
