package org.truce.report.web;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingAcled;
import org.truce.report.application.ImportingUcdp;
import org.truce.report.application.Imports;
import org.truce.report.application.UnresolvedNames;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * Imports a dataset file sent over HTTP, as {@code truce import} does from the command
 * line. The body is read whole, so it is bounded by {@code truce.max-body}; larger files
 * go through {@code truce import}.
 */
@RestController
class ImportController {

	private final ImportingUcdp ucdp;

	private final ImportingAcled acled;

	private final ScenarioZone scenarioZone;

	ImportController(ImportingUcdp ucdp, ImportingAcled acled, ScenarioZone scenarioZone) {
		this.ucdp = ucdp;
		this.acled = acled;
		this.scenarioZone = scenarioZone;
	}

	@Operation(summary = "Import a UCDP GED or ACLED CSV file (monitors)",
			description = "kind: ucdp or acled. Send the CSV as the body; ?name= names the file (default upload.csv)."
					+ " Every row is imported, counted as already present, or rejected with its row number and reason"
					+ " (the first 20 are in the answer, all are stored with the run). unresolved counts the rows whose"
					+ " actor or target resolved to no single actor and names the ten most common such names per"
					+ " column, so that aliases can be added to the actor list. A file that is not of the kind is refused"
					+ " with 422 and nothing is recorded: a header lacking one of the kind's columns (or naming it"
					+ " otherwise) with FIELD_REQUIRED, the first such column as the field and every one in the"
					+ " detail. A row of HXL hashtags under the header (as HDX publishes) is skipped. Dates without a"
					+ " time are calendar days in ?zone= (an IANA zone id such as UTC), by default the scenario's;"
					+ " the run records which. An unknown zone is refused (UNKNOWN_TIME_ZONE).")
	@PostMapping(path = "/api/imports/{kind}", consumes = MediaType.ALL_VALUE)
	ImportResult importFile(@PathVariable String kind, @RequestBody(required = false) byte[] body,
			@RequestParam(required = false) String name, @RequestParam(required = false) String zone, Viewer viewer) {
		ZoneId days = zone == null || zone.isBlank() ? this.scenarioZone.zone() : ScenarioZone.parse(zone.strip())
			.orElseThrow(() -> new RejectedException(ScenarioZone.unknown("zone", zone.strip())));
		byte[] content = body == null ? new byte[0] : body;
		ImportFile file = new ImportFile(name == null || name.isBlank() ? "upload.csv" : name.strip(), content.length,
				() -> new ByteArrayInputStream(content));
		ImportOutcome outcome = switch (kind) {
			case "ucdp" -> this.ucdp.importFile(file, days, ImportProgress.NONE, viewer.userId());
			case "acled" -> this.acled.importFile(file, days, ImportProgress.NONE, viewer.userId());
			default -> throw new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, null, "importKind", kind));
		};
		if (outcome instanceof ImportOutcome.NotImportable refused) {
			// A missing (or renamed) column is named as the field at fault.
			throw new RejectedException(refused.problem("body"));
		}
		if (outcome instanceof ImportOutcome.AlreadyImported already) {
			return ImportResult.of(already.previous(), List.of(), 0, true, false, UnresolvedNames.NONE);
		}
		ImportOutcome.Completed done = (ImportOutcome.Completed) outcome;
		return ImportResult.of(done.run(), done.firstRejections(), done.changedDuplicates(), done.readToEnd(),
				done.failed(), done.unresolved());
	}

	/**
	 * What an import did.
	 *
	 * @param id the run's id, the subject of its {@code import} ledger entry
	 * @param firstRejections the first rejected rows (all are stored with the run)
	 * @param changedDuplicates rows already present whose content differs from the stored
	 * report, which was kept
	 * @param readToEnd false when the CSV broke part-way and the rest was not read
	 * @param failed every row was rejected, or the CSV broke
	 * @param unresolved rows whose actor or target resolved to no single actor, and the
	 * most common such names
	 */
	record ImportResult(String id, String kind, String fileName, String sha256, Instant startedAt, Instant finishedAt,
			Imports.Counts counts, List<Imports.RowRejection> firstRejections, long changedDuplicates,
			boolean readToEnd, boolean failed, UnresolvedNames unresolved) {

		static ImportResult of(Imports.ImportRun run, List<Imports.RowRejection> firstRejections,
				long changedDuplicates, boolean readToEnd, boolean failed, UnresolvedNames unresolved) {
			return new ImportResult(run.id(), run.kind(), run.fileName(), run.sha256(), run.startedAt(),
					run.finishedAt(), run.counts(), firstRejections, changedDuplicates, readToEnd, failed, unresolved);
		}

	}

}
