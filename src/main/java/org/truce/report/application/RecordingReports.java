package org.truce.report.application;

import java.util.ArrayList;
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
 * Stores reports and their ledger entries in one transaction: a report is in the record
 * only if its entry is in the ledger, and the other way round. Every writer of reports
 * goes through here.
 */
@Service
public class RecordingReports {

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

	/** The ledger entry of a report: every field of the report as stored. */
	public LedgerEntry entry(Report report) {
		return new LedgerEntry("report", report.id().toString(), this.json.convertValue(report, MAP));
	}

}
