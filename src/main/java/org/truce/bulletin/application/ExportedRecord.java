package org.truce.bulletin.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.truce.identity.model.Viewer;
import org.truce.ledger.application.ExportVerdict;
import org.truce.ledger.application.ExportedLedger;
import org.truce.ledger.application.VerifyingExport;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The record as a ledger export ({@code truce export ledger}) shows it: every entry, in
 * the log's order, with the groups the export opens. Read only after the whole export has
 * verified ({@link VerifyingExport}: every entry's hash, the Merkle roots the signed
 * checkpoints sign, every disclosure against its commitment), so that nothing read here
 * is other than what the log committed to; an export that fails is refused with the
 * verifier's reason, which names the line or the checkpoint that disagrees.
 *
 * <p>
 * Whose record it is follows from what it opens: every committed group opened is the
 * record as staff see it ({@code --disclose all}); none opened is the log as anyone may
 * read it, the public's ({@code --disclose none}). An export that opens some groups and
 * not others is a cut this replay does not know how to read, and is refused.
 */
public final class ExportedRecord {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One entry of the log.
	 *
	 * @param index its index in the log
	 * @param line its line in entries.jsonl (from 1)
	 * @param body its body, parsed
	 * @param opened the values of the groups the export opens, by group
	 */
	public record Entry(long index, long line, String kind, String subject, Map<String, Object> body,
			Map<String, Object> opened) {

		/** A clear field of the body, as a string, or null. */
		public String text(String field) {
			Object v = this.body.get(field);
			return v == null ? null : String.valueOf(v);
		}

	}

	private final List<Entry> entries;

	private final Viewer reader;

	private ExportedRecord(List<Entry> entries, Viewer reader) {
		this.entries = List.copyOf(entries);
		this.reader = reader;
	}

	/** Every entry, in the log's order. */
	public List<Entry> entries() {
		return this.entries;
	}

	/** The reader whose record the export is: staff or the public. */
	public Viewer reader() {
		return this.reader;
	}

	/**
	 * Verifies the export in {@code dir} with the keys trusted, then reads it.
	 * @throws RejectedException ({@link ErrorCode#BULLETIN_EXPORT_REFUSED}) when it does
	 * not verify, cannot be read, or opens only some of its commitments
	 */
	public static ExportedRecord open(Path dir, VerifyingExport.Trust trust) {
		ExportVerdict verdict = VerifyingExport.verify(dir, trust);
		if (verdict instanceof ExportVerdict.Invalid invalid) {
			throw refused("it does not verify against its signed checkpoints (" + invalid.failure() + "): "
					+ invalid.message());
		}
		Map<Long, Map<String, Object>> opened = disclosures(dir);
		List<Entry> entries = new ArrayList<>();
		int committed = 0;
		int open = 0;
		try (BufferedReader in = Files.newBufferedReader(dir.resolve(ExportedLedger.ENTRIES), StandardCharsets.UTF_8)) {
			String text;
			long line = 0;
			while ((text = in.readLine()) != null) {
				line++;
				Map<?, ?> row = JSON.readValue(text, Map.class);
				long index = ((Number) row.get("index")).longValue();
				Map<?, ?> entry = JSON.readValue((String) row.get("entry"), Map.class);
				Map<String, Object> body = new LinkedHashMap<>();
				if (entry.get("body") instanceof Map<?, ?> b) {
					b.forEach((k, v) -> body.put(String.valueOf(k), v));
				}
				Map<String, Object> groups = opened.getOrDefault(index, Map.of());
				committed += LedgerEntry.commitments(body).size();
				open += groups.size();
				entries.add(new Entry(index, line, (String) entry.get("kind"), (String) entry.get("subject"), body,
						groups));
			}
		}
		catch (NoSuchFileException ex) {
			throw refused(ExportedLedger.ENTRIES + " is missing");
		}
		catch (IOException | JacksonException | ClassCastException ex) {
			throw refused(ExportedLedger.ENTRIES + " cannot be read: " + ex.getMessage());
		}
		Viewer reader;
		if (open == 0) {
			reader = Viewer.PUBLIC;
		}
		else if (open == committed) {
			reader = new Viewer(Viewer.Reach.FULL, java.util.Set.of(), null);
		}
		else {
			throw refused("it opens " + open + " of its " + committed
					+ " commitments: a replay reads an export for staff (--disclose all, every one opened) or for"
					+ " the public (--disclose none, none opened)");
		}
		return new ExportedRecord(entries, reader);
	}

	/** The opened groups, by entry index; verified already. */
	private static Map<Long, Map<String, Object>> disclosures(Path dir) {
		Map<Long, Map<String, Object>> opened = new HashMap<>();
		Path file = dir.resolve(ExportedLedger.DISCLOSURES);
		if (!Files.exists(file)) {
			return opened;
		}
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String text;
			while ((text = in.readLine()) != null) {
				if (text.isBlank()) {
					continue;
				}
				Map<?, ?> row = JSON.readValue(text, Map.class);
				long index = ((Number) row.get("index")).longValue();
				opened.computeIfAbsent(index, k -> new HashMap<>()).put((String) row.get("group"), row.get("value"));
			}
		}
		catch (IOException | JacksonException | ClassCastException ex) {
			throw refused(ExportedLedger.DISCLOSURES + " cannot be read: " + ex.getMessage());
		}
		return opened;
	}

	static RejectedException refused(String why) {
		return new RejectedException(Problem.with(ErrorCode.BULLETIN_EXPORT_REFUSED, "export", why));
	}

}
