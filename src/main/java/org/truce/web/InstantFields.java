package org.truce.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Instants in request bodies: ISO 8601 with their offset, nothing guessed. */
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
			throw new RejectedException(new Problem(ErrorCode.INVALID_VALUE, field,
					"Field " + field + " must be an instant with offset, such as 2016-09-19T19:30:00+03:00."));
		}
	}

}
