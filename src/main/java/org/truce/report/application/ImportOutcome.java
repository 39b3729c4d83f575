package org.truce.report.application;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/** What became of a request to import a file. */
public sealed interface ImportOutcome
		permits ImportOutcome.Completed, ImportOutcome.AlreadyImported, ImportOutcome.NotImportable {

	/**
	 * The file was read and every row is accounted for: imported, already present or
	 * rejected.
	 *
	 * @param run the run as recorded, with its final counts
	 * @param firstRejections the first rejected rows (all of them are stored with the
	 * run)
	 * @param changedDuplicates rows already present whose content differs from the stored
	 * row with the same key (the stored report was kept)
	 * @param readToEnd false when the CSV itself broke (such as a quote never closed) and
	 * the rest of the file could not be read; that is recorded as a rejection of the row
	 * where it broke
	 * @param elapsed how long the run took
	 * @param unresolved the rows whose actor or target did not resolve, and the most
	 * common of those names
	 */
	record Completed(Imports.ImportRun run, List<Imports.RowRejection> firstRejections, long changedDuplicates,
			boolean readToEnd, Duration elapsed, UnresolvedNames unresolved) implements ImportOutcome {

		public Completed {
			unresolved = unresolved == null ? UnresolvedNames.NONE : unresolved;
		}

		public Imports.Counts counts() {
			return this.run.counts();
		}

		/** True when rows were read and every one was rejected, or the file broke. */
		public boolean failed() {
			Imports.Counts c = counts();
			return !this.readToEnd || (c.rowsRead() > 0 && c.rejected() == c.rowsRead());
		}

	}

	/**
	 * This exact file (same SHA-256) was already imported by this importer; nothing was
	 * done.
	 */
	record AlreadyImported(Imports.ImportRun previous) implements ImportOutcome {

	}

	/**
	 * The file is not one this importer reads (such as a header without the required
	 * columns); nothing was read or recorded.
	 *
	 * @param missingColumns the required columns the header lacks (a column renamed is
	 * one of them), in the format's order; empty when the header is unreadable
	 */
	record NotImportable(String fileName, String kind, List<String> missingColumns) implements ImportOutcome {

		public NotImportable {
			missingColumns = List.copyOf(missingColumns);
		}

		/**
		 * The problem with the file, in the words of the API's answer: a missing (or
		 * renamed) column is FIELD_REQUIRED naming the first as the field at fault.
		 */
		public Problem problem(String field) {
			String kind = this.kind.toUpperCase(Locale.ROOT);
			if (this.missingColumns.isEmpty()) {
				return Problem.keyed(ErrorCode.INVALID_VALUE, field, "notCsvHeader", kind);
			}
			return Problem.keyed(ErrorCode.FIELD_REQUIRED, this.missingColumns.get(0),
					this.missingColumns.size() > 1 ? "missingColumns" : "missingColumn", kind,
					String.join(", ", this.missingColumns));
		}

		/** Why the file is not read, in English, for the command line. */
		public String reason() {
			String kind = this.kind.toUpperCase(Locale.ROOT);
			return this.missingColumns.isEmpty()
					? "the header is not a CSV header with one distinct, non-empty name per column"
					: "the header lacks the " + kind + " column" + (this.missingColumns.size() > 1 ? "s " : " ")
							+ String.join(", ", this.missingColumns)
							+ " (a column renamed counts as missing; nothing was imported)";
		}

	}

}
