package org.truce.report.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVRecord;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;

/**
 * One CSV record read by column name, collecting a {@link Problem} for every value that
 * cannot be read instead of throwing. Blank values read as null.
 */
final class CsvRow {

	private final CSVRecord record;

	private final List<Problem> problems;

	CsvRow(CSVRecord record, List<Problem> problems) {
		this.record = record;
		this.problems = problems;
	}

	List<Problem> problems() {
		return this.problems;
	}

	/** The value, or null when blank or when the record is too short to hold it. */
	String text(String column) {
		if (!this.record.isSet(column)) {
			return null;
		}
		String value = this.record.get(column);
		return value == null || value.isBlank() ? null : value;
	}

	String required(String column) {
		String value = text(column);
		if (value == null) {
			this.problems.add(Problem.keyed(ErrorCode.FIELD_REQUIRED, column, "column", column));
		}
		return value;
	}

	Integer integer(String column, boolean required) {
		String value = required ? required(column) : text(column);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			this.problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, column, "columnInteger", column, quote(value)));
			return null;
		}
	}

	Double decimal(String column) {
		String value = required(column);
		if (value == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(value.trim());
			if (Double.isFinite(d)) {
				return d;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		this.problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, column, "columnNumber", column, quote(value)));
		return null;
	}

	/** An ISO 8601 calendar date such as {@code 2016-09-19}. */
	LocalDate isoDate(String column) {
		String value = required(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			this.problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, column, "columnDate", column, quote(value)));
			return null;
		}
	}

	/**
	 * Adds {@code code} on {@code column}, with the sentence
	 * {@code problem.<CODE>.<variant>}: the column is its first argument.
	 */
	void invalid(ErrorCode code, String column, String variant, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = column;
		System.arraycopy(args, 0, all, 1, args.length);
		this.problems.add(Problem.keyed(code, column, variant, all));
	}

	static String quote(String s) {
		String one = s.replace('\n', ' ').replace('\r', ' ');
		return "'" + (one.length() > 60 ? one.substring(0, 60) + "…" : one) + "'";
	}

	static String lower(String s) {
		return s == null ? "" : s.toLowerCase(Locale.ROOT);
	}

}
