package org.truce.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Instants in request bodies and other input: ISO 8601 with their offset, nothing
 * guessed.
 */
public final class InstantFields {

	private InstantFields() {
	}

	/**
	 * An instant with offset, such as {@code 2016-09-19T19:30:00+03:00}, or null when
	 * absent (the service says whether it is required).
	 * @throws RejectedException INVALID_VALUE on the field when it is not one
	 */
	public static Instant withOffset(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, field, "instant", field));
		}
	}

	/**
	 * The same for input checked as a whole: adds the problem (FIELD_REQUIRED when a
	 * required instant is absent, INVALID_VALUE when it is not one) instead of throwing,
	 * and gives null then.
	 */
	public static Instant withOffset(String field, String text, boolean required, List<Problem> problems) {
		if ((text == null || text.isBlank()) && required) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
		}
		try {
			return withOffset(field, text);
		}
		catch (RejectedException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

}
