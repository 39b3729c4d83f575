package org.truce.report.application;

import java.util.List;
import java.util.Set;

import org.truce.report.model.DataFlag;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.shared.Problem;

/**
 * How the rows of one CSV format become report drafts. The engine ({@link CsvImport})
 * does the rest: validation, actor resolution, flags, batching and the record of the run.
 */
interface RowFormat {

	/** The importer's name, as recorded with each run: {@code ucdp}, {@code acled}. */
	String kind();

	/**
	 * The source every report of this format is attributed to; registered by the import.
	 */
	Source source();

	/** Columns the header must have; order does not matter and case is ignored. */
	List<String> requiredColumns();

	RowReading read(CsvRow row);

	/**
	 * Whether each report keeps its row verbatim as its
	 * {@link org.truce.report.model.Report#sourceFields}, under {@link #kind()}: true for
	 * the datasets whose own layout Truce writes back (ACLED, UCDP).
	 */
	default boolean keepsRows() {
		return false;
	}

	/**
	 * The CSV column a {@link org.truce.report.model.ReportValidator} field comes from,
	 * such as {@code latitude} for {@code where.latitude}.
	 */
	String columnOf(String draftField);

	/**
	 * What a row yields: a draft to validate, or the problems that stop it being read.
	 */
	sealed interface RowReading permits Draft, Unreadable {

	}

	/**
	 * @param draft the report as the row states it
	 * @param idempotencyKey the key that makes a second import of the row store nothing
	 * @param eventTypeBasis how the event type was inferred, or null when the row gives
	 * it
	 * @param flags data flags that follow from the format's own fields
	 * @param whoActed who acted, decided once the row's names are resolved
	 */
	record Draft(ReportDraft draft, String idempotencyKey, String eventTypeBasis, Set<DataFlag> flags,
			WhoActedReading whoActed) implements RowReading {

		public Draft {
			whoActed = whoActed == null ? WhoActedReading.STATED : whoActed;
		}

		/** A row whose first actor acted against its second. */
		Draft(ReportDraft draft, String idempotencyKey, String eventTypeBasis, Set<DataFlag> flags) {
			this(draft, idempotencyKey, eventTypeBasis, flags, WhoActedReading.STATED);
		}

	}

	record Unreadable(List<Problem> problems) implements RowReading {

	}

}
