package org.truce.adjudication.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.StoredFinding;
import org.truce.identity.model.Viewer;
import org.truce.shared.Hxl;

/**
 * Writes an agreement's findings as RFC 4180 CSV: one row per incident and term, newest
 * incident first, streamed page by page. Every export is cut to its reader as
 * {@link ReadingFindings} cuts every read.
 */
@Service
public class ExportingFindings {

	/** The columns, in order. */
	public static final List<String> HEADER = List.of("incident_id", "external_ids", "agreement_id",
			"agreement_version", "term_id", "view_id", "outcome", "missing", "reasons", "actor_id",
			"possible_perpetrators", "zones", "incident_start", "incident_end");

	/**
	 * The columns for a reader who may not see sources: {@link #HEADER} without
	 * {@code external_ids}.
	 */
	public static final List<String> HEADER_WITHOUT_SOURCES = HEADER.stream()
		.filter(c -> !c.equals("external_ids"))
		.toList();

	/**
	 * Each column's HXL hashtag, for {@code hxl}. {@code #org+perpetrator+id} holds an
	 * actor only when the finding charges it alone; the possible perpetrators of a shared
	 * attribution are {@code #org+perpetrator+possible+id}.
	 */
	public static final Map<String, String> HXL = Map.ofEntries(Map.entry("incident_id", "#event+id"),
			Map.entry("external_ids", "#meta+id+external"), Map.entry("agreement_id", "#x_agreement+id"),
			Map.entry("agreement_version", "#x_agreement+version"), Map.entry("term_id", "#x_term+id"),
			Map.entry("view_id", "#x_view+id"), Map.entry("outcome", "#status+outcome"),
			Map.entry("missing", "#x_finding+missing"), Map.entry("reasons", "#description+reasons"),
			Map.entry("actor_id", "#org+perpetrator+id"),
			Map.entry("possible_perpetrators", "#org+perpetrator+possible+id"), Map.entry("zones", "#x_zone+id"),
			Map.entry("incident_start", "#date+start"), Map.entry("incident_end", "#date+end"));

	private final ReadingFindings findings;

	public ExportingFindings(ReadingFindings findings) {
		this.findings = findings;
	}

	/**
	 * Writes every finding under the agreement that the reader may see. {@code reasons}
	 * holds each reason as {@code CODE: sentence}, separated by {@code " | "};
	 * {@code external_ids} (left out for a reader who may not see sources) and
	 * {@code missing} are separated by {@code ;}. {@code view_id} is the view of a
	 * disputed fact the finding holds under, empty for an agreement without disputes.
	 * {@code actor_id} is empty when the sources do not say which of several actors
	 * acted, which {@code possible_perpetrators} lists instead, so that no count by actor
	 * charges a finding to one of them alone.
	 * @return how many rows were written
	 */
	public long exportCsv(String agreementId, OutputStream out, Viewer viewer) throws IOException {
		return exportCsv(agreementId, null, false, out, viewer, Long.MAX_VALUE, truncated -> {
		});
	}

	/**
	 * As {@link #exportCsv(String, OutputStream, Viewer)}, only the findings where
	 * {@code possiblePerpetratorId} (when not null) is the actor ({@code actor_id}) or
	 * one of the possible perpetrators ({@code possible_perpetrators}), with a row of HXL
	 * hashtags when {@code hxl}.
	 */
	public long exportCsv(String agreementId, String possiblePerpetratorId, boolean hxl, OutputStream out,
			Viewer viewer) throws IOException {
		return exportCsv(agreementId, possiblePerpetratorId, hxl, out, viewer, Long.MAX_VALUE, truncated -> {
		});
	}

	/**
	 * As {@link #exportCsv(String, OutputStream, Viewer)}, at most {@code max} rows,
	 * reading at most one more; {@code beforeWriting} is told whether there were more
	 * before the first byte is written (so that an HTTP answer can say so in a header).
	 * With {@code hxl}, a row of HXL hashtags ({@link #HXL}) follows the header.
	 */
	public long exportCsv(String agreementId, String possiblePerpetratorId, boolean hxl, OutputStream out,
			Viewer viewer, long max, java.util.function.Consumer<Boolean> beforeWriting) throws IOException {
		Findings.Page first = max <= Integer.MAX_VALUE - 1
				? this.findings.find(query(agreementId, possiblePerpetratorId, null, (int) max), viewer) : null;
		beforeWriting.accept(first != null && first.next() != null);
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
		boolean withSources = viewer.seesSources();
		List<String> header = withSources ? HEADER : HEADER_WITHOUT_SOURCES;
		csv.printRecord(header);
		if (hxl) {
			csv.printRecord(Hxl.row(header, HXL));
		}
		long rows = 0;
		FindingQuery.Cursor cursor = null;
		do {
			Findings.Page page = first != null ? first
					: this.findings.find(query(agreementId, possiblePerpetratorId, cursor, 1000), viewer);
			if (first != null) {
				page = new Findings.Page(first.findings(), null);
			}
			for (StoredFinding s : page.findings()) {
				Finding f = s.finding();
				String missing = f instanceof Finding.Undetermined u
						? u.missing().stream().map(Enum::name).collect(Collectors.joining(";")) : "";
				String reasons = f.reasons()
					.stream()
					.map(r -> r.code().name() + ": " + r.detail())
					.collect(Collectors.joining(" | "));
				List<Object> row = new ArrayList<>(HEADER.size());
				row.add(f.key().incidentId());
				if (withSources) {
					row.add(String.join(";", s.externalIds()));
				}
				List<String> possible = f instanceof Finding.Violation v && !v.attributed() ? v.possiblePerpetrators()
						: s.possiblePerpetrators();
				row.addAll(List.of(f.key().agreementId(), f.key().agreementVersion(), f.key().termId(),
						f.key().viewId() == null ? "" : f.key().viewId(), f.outcome().name(), missing, reasons,
						s.actorId() == null ? "" : s.actorId(), String.join(";", possible),
						String.join(";", s.zoneIds()), s.incidentStart(), s.incidentEnd()));
				try {
					csv.printRecord(row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				rows++;
			}
			cursor = page.next();
		}
		while (cursor != null);
		csv.flush();
		return rows;
	}

	private static FindingQuery query(String agreementId, String possiblePerpetratorId, FindingQuery.Cursor after,
			int limit) {
		return new FindingQuery(agreementId, null, null, null, null, null, null, null, after, limit)
			.withPossiblePerpetrator(possiblePerpetratorId);
	}

}
