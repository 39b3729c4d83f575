package org.truce.report.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.model.Report;

/**
 * Stores reports and their ledger entries, with the entries' disclosures, in one
 * transaction: a report is in the record only if its entry is in the ledger, and the
 * other way round. Every writer of reports goes through here.
 */
@Service
public class RecordingReports {

	/** The group of a report's entry that commits to who reported it. */
	/** The kinds of entry this class writes: a report, and an import run. */
	public static final String REPORT = "report", IMPORT = "import";

	public static final String SOURCE = "source";

	/**
	 * The group of a report's entry that commits to who submitted it (a user id, or the
	 * import run); opened to staff only.
	 */
	public static final String SUBMITTER = "submitter";

	/** The group of a report's entry that commits to where it happened. */
	public static final String LOCATION = "location";

	/** The group of a report's entry that commits to everything else. */
	public static final String EVENT = "event";

	/**
	 * The member of an import's ledger entry that counts the rows whose actor or target
	 * did not resolve.
	 */
	public static final String UNRESOLVED = "unresolvedActors";

	/**
	 * The commitment group of an import's ledger entry that holds the most common names
	 * that did not resolve.
	 */
	public static final String NAMES = "unresolvedNames";

	private static final Logger log = LoggerFactory.getLogger(RecordingReports.class);

	private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Reports reports;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Imports imports;

	private final ObjectProvider<RecordedWithReports<?>> partsProvider;

	/**
	 * The beans of {@link #partsProvider}, looked up at first use (no cycle at start).
	 */
	private volatile List<RecordedWithReports<?>> parts;

	public RecordingReports(Reports reports, Imports imports, Ledger ledger, TransactionTemplate tx,
			ObjectProvider<RecordedWithReports<?>> parts) {
		this.reports = reports;
		this.imports = imports;
		this.ledger = ledger;
		this.tx = tx;
		this.partsProvider = parts;
	}

	/**
	 * Appends the reports not yet stored, a ledger entry for each and what other parts
	 * record with them ({@link RecordedWithReports}), atomically.
	 */
	public List<Reports.Appended> append(List<Reports.NewReport> batch) {
		return append(batch, batch.stream().map(n -> prepare(n.report())).toList());
	}

	/**
	 * A report's ledger entry, encoded, and what every {@link RecordedWithReports} will
	 * store with it: the work done before its transaction, so that the transaction only
	 * stores. What follows from a report never stops it being stored: a part that fails
	 * to prepare is logged and records nothing for it.
	 */
	Prepared prepare(Report report) {
		LedgerEntry.Encoded entry = entry(report).encode();
		List<RecordedWithReports<?>> parts = parts();
		List<Object> extras = new ArrayList<>(parts.size());
		for (RecordedWithReports<?> part : parts) {
			Object extra = null;
			try {
				extra = part.prepare(report);
			}
			catch (RuntimeException ex) {
				log.warn("{} failed to prepare for report {}: {}", part.getClass().getSimpleName(), report.id(),
						ex.toString());
			}
			extras.add(extra);
		}
		return new Prepared(entry, extras);
	}

	/**
	 * Appends the reports not yet stored, a ledger entry for each and what other parts
	 * record with them, atomically, from what was prepared beforehand.
	 * @param prepared for each report of {@code batch}, at the same position,
	 * {@code prepare(report)}
	 */
	List<Reports.Appended> append(List<Reports.NewReport> batch, List<Prepared> prepared) {
		List<RecordedWithReports<?>> parts = parts();
		return this.tx.execute(status -> {
			List<Reports.Appended> appended = this.reports.append(batch);
			List<LedgerEntry.Encoded> entries = new ArrayList<>();
			List<List<Object>> extras = new ArrayList<>();
			parts.forEach(part -> extras.add(new ArrayList<>()));
			for (int i = 0; i < appended.size(); i++) {
				Reports.Appended a = appended.get(i);
				if (!a.created()) {
					continue;
				}
				// The report stored is the one prepared unless it was stored before.
				Prepared p = a.report() == batch.get(i).report() ? prepared.get(i) : prepare(a.report());
				entries.add(p.entry());
				for (int k = 0; k < parts.size(); k++) {
					Object extra = k < p.extras().size() ? p.extras().get(k) : null;
					if (extra != null) {
						extras.get(k).add(extra);
					}
				}
			}
			this.ledger.appendEncoded(entries);
			for (int k = 0; k < parts.size(); k++) {
				store(parts.get(k), extras.get(k));
			}
			return appended;
		});
	}

	@SuppressWarnings("unchecked")
	private static <T> void store(RecordedWithReports<T> part, List<Object> prepared) {
		if (prepared.isEmpty()) {
			return;
		}
		Runnable after = part.store((List<T>) prepared);
		if (after != null) {
			// After the outermost commit: a caller may have opened the transaction.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					after.run();
				}
			});
		}
	}

	private List<RecordedWithReports<?>> parts() {
		List<RecordedWithReports<?>> p = this.parts;
		if (p == null) {
			p = this.partsProvider.orderedStream().toList();
			this.parts = p;
		}
		return p;
	}

	/**
	 * Records that an import run finished, with its counts, and its ledger entry,
	 * atomically. The reports it stored have entries of their own.
	 */
	public void finishImport(Imports.ImportRun run, UnresolvedNames unresolved) {
		this.tx.executeWithoutResult(status -> {
			this.imports.finished(run.id(), run.counts(), run.finishedAt());
			this.ledger.append(List.of(importEntry(run, unresolved)));
		});
	}

	/**
	 * The ledger entry of an import run: in the clear, the file's name and SHA-256, the
	 * counts, and under {@value #UNRESOLVED} how many rows named an actor or a target
	 * that did not resolve; the names themselves only as a salted commitment, group
	 * {@value #NAMES}, since they are words of the reports, whose fields the log holds
	 * only as commitments.
	 */
	LedgerEntry importEntry(Imports.ImportRun run, UnresolvedNames unresolved) {
		Map<String, Object> body = this.json.convertValue(run, MAP);
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("actorRows", unresolved.actorRows());
		counts.put("targetRows", unresolved.targetRows());
		body.put(UNRESOLVED, counts);
		Map<String, Object> names = new LinkedHashMap<>();
		names.put("actors", this.json.convertValue(unresolved.actors(), LIST));
		names.put("targets", this.json.convertValue(unresolved.targets(), LIST));
		return LedgerEntry.of(IMPORT, run.id(), body, Map.of(NAMES, names));
	}

	/**
	 * The ledger entry of a report: salted commitments to its fields in four groups, so
	 * that the public log holds none of them in the clear, and their disclosures, which
	 * are stored beside it:
	 * <ul>
	 * <li>{@value #SOURCE}: who reported it, {@code sourceId} and {@code externalId},
	 * and, for a report imported from a dataset's row, {@code sourceFields}, that row
	 * verbatim (it names the source and holds the exact place);</li>
	 * <li>{@value #SUBMITTER}: {@code submitter}, who submitted it (a user id, or
	 * {@code import:<run id>});</li>
	 * <li>{@value #LOCATION}: {@code where}, every field of the location;</li>
	 * <li>{@value #EVENT}: every other field (a field added to {@link Report} lands here,
	 * hidden until disclosed).</li>
	 * </ul>
	 */
	public LedgerEntry entry(Report report) {
		Map<String, Object> event = this.json.convertValue(report, MAP);
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("sourceId", event.remove("sourceId"));
		source.put("externalId", event.remove("externalId"));
		Object fields = event.remove("sourceFields");
		if (fields != null) {
			source.put("sourceFields", fields);
		}
		Map<String, Object> submitter = new LinkedHashMap<>();
		submitter.put("submitter", event.remove("submitter"));
		Object location = event.remove("where");
		return LedgerEntry.committing("report", report.id().toString(),
				Map.of(EVENT, event, LOCATION, location, SOURCE, source, SUBMITTER, submitter));
	}

	/**
	 * What was worked out for one report before its transaction.
	 *
	 * @param entry its ledger entry, encoded
	 * @param extras for each {@link RecordedWithReports}, in their order, what it
	 * prepared (null: nothing)
	 */
	record Prepared(LedgerEntry.Encoded entry, List<Object> extras) {

		/** The same report with nothing else to record. */
		Prepared alone() {
			return new Prepared(this.entry, List.of());
		}

		boolean hasExtras() {
			return this.extras.stream().anyMatch(Objects::nonNull);
		}

	}

}
