package org.truce.report.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
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
	public static final String SOURCE = "source";

	/** The group of a report's entry that commits to where it happened. */
	public static final String LOCATION = "location";

	/** The group of a report's entry that commits to everything else. */
	public static final String EVENT = "event";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final Reports reports;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Imports imports;

	public RecordingReports(Reports reports, Imports imports, Ledger ledger, TransactionTemplate tx) {
		this.reports = reports;
		this.imports = imports;
		this.ledger = ledger;
		this.tx = tx;
	}

	/** Appends the reports not yet stored and a ledger entry for each, atomically. */
	public List<Reports.Appended> append(List<Reports.NewReport> batch) {
		return append(batch, null);
	}

	/**
	 * Appends the reports not yet stored and a ledger entry for each, atomically, with
	 * entries encoded beforehand.
	 * @param encoded for each report of {@code batch}, at the same position,
	 * {@code entry(report).encode()}, or null to encode here
	 */
	List<Reports.Appended> append(List<Reports.NewReport> batch, List<LedgerEntry.Encoded> encoded) {
		return this.tx.execute(status -> {
			List<Reports.Appended> appended = this.reports.append(batch);
			List<LedgerEntry.Encoded> entries = new ArrayList<>();
			for (int i = 0; i < appended.size(); i++) {
				Reports.Appended a = appended.get(i);
				if (a.created()) {
					boolean prepared = encoded != null && encoded.get(i) != null && a.report() == batch.get(i).report();
					entries.add(prepared ? encoded.get(i) : entry(a.report()).encode());
				}
			}
			this.ledger.appendEncoded(entries);
			return appended;
		});
	}

	/**
	 * Records that an import run finished, with its counts, and its ledger entry (the
	 * file's name and SHA-256 and the counts), atomically. The reports it stored have
	 * entries of their own.
	 */
	public void finishImport(Imports.ImportRun run) {
		this.tx.executeWithoutResult(status -> {
			this.imports.finished(run.id(), run.counts(), run.finishedAt());
			this.ledger.append(List.of(new LedgerEntry("import", run.id(), this.json.convertValue(run, MAP))));
		});
	}

	/**
	 * The ledger entry of a report: salted commitments to its fields in three groups, so
	 * that the public log holds none of them in the clear, and their disclosures, which
	 * are stored beside it:
	 * <ul>
	 * <li>{@value #SOURCE}: who reported it, {@code sourceId} and
	 * {@code externalId};</li>
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
		Object location = event.remove("where");
		return LedgerEntry.committing("report", report.id().toString(),
				Map.of(EVENT, event, LOCATION, location, SOURCE, source));
	}

}
