package org.truce.report.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.truce.shared.ErrorCode;

/**
 * The record of file imports: one run per import of a file, its counts, and every row it
 * rejected with the reason. Nothing a file held is dropped without a trace here.
 */
public interface Imports {

	/** Records that a run has started; its counts are zero. */
	void started(ImportRun run);

	/**
	 * Records the counts so far, so that an interrupted run still shows how far it got.
	 */
	void progressed(String importId, Counts counts);

	/** Records the final counts and the time the run finished. */
	void finished(String importId, Counts counts, Instant finishedAt);

	/**
	 * Stores rejected rows in one transaction. Several problems of one row with the same
	 * code are stored as one rejection.
	 */
	void rejected(String importId, List<RowRejection> rejections);

	Optional<ImportRun> byId(String importId);

	/**
	 * The last finished run of this kind over a file with this SHA-256 that read dates in
	 * this time zone, if any.
	 */
	Optional<ImportRun> lastFinished(String kind, String sha256, String timeZone);

	/** The rejections of a run, by row number then code. */
	List<RowRejection> rejections(String importId);

	/**
	 * One run of an importer over one file.
	 *
	 * @param id assigned by Truce
	 * @param kind the importer, such as {@code ucdp} or {@code acled}
	 * @param fileName the file as the user named it
	 * @param sha256 lower-case hex SHA-256 of the file's bytes
	 * @param startedAt when the run started
	 * @param finishedAt when it finished, or null while running or when it was
	 * interrupted
	 * @param counts the counts recorded so far
	 * @param timeZone the zone (an IANA id such as {@code Asia/Damascus}) in which the
	 * run read a date without a time as a calendar day; {@code UTC} for runs recorded
	 * before imports had a zone
	 */
	record ImportRun(String id, String kind, String fileName, String sha256, Instant startedAt, Instant finishedAt,
			Counts counts, String timeZone) {

		public ImportRun {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(fileName, "fileName");
			Objects.requireNonNull(sha256, "sha256");
			Objects.requireNonNull(startedAt, "startedAt");
			counts = counts == null ? Counts.ZERO : counts;
			Objects.requireNonNull(timeZone, "timeZone");
		}

	}

	/**
	 * What a run did with the rows of its file.
	 * {@code rowsRead == imported + duplicates +
	 * rejected} once every row has been written.
	 *
	 * @param rowsRead data rows read (the header is not a row)
	 * @param imported rows stored as new reports
	 * @param duplicates rows whose report was already stored (same idempotency key)
	 * @param rejected rows that could not be read
	 */
	record Counts(long rowsRead, long imported, long duplicates, long rejected) {

		public static final Counts ZERO = new Counts(0, 0, 0, 0);

	}

	/**
	 * A row that could not be read.
	 *
	 * @param rowNumber the row in the file, counting the header as row 1 (so the first
	 * data row is row 2); a blank line is not a row, and a row whose quoted fields hold
	 * line breaks is still one row
	 * @param code why, as a stable code
	 * @param field the CSV column at fault, or null when the row as a whole is
	 * @param detail a sentence for people
	 */
	record RowRejection(long rowNumber, ErrorCode code, String field, String detail) {

		public RowRejection {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(detail, "detail");
		}

	}

}
