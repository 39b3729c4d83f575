package org.truce.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.TimeText;

/** Query parameters shared by the API's list endpoints. */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * A time filter: an instant with offset, or a date meaning the start of that calendar
	 * day in the zone (the scenario's), or with {@code endOfDay} its last millisecond.
	 * @throws RejectedException INVALID_QUERY naming the field
	 */
	public static Instant instant(String field, String text, boolean endOfDay, ZoneId zone) {
		TimeText.Span span;
		try {
			span = TimeText.parse(text, zone);
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "dateOrInstant", field);
		}
		if (!span.recordable()) {
			throw invalid(field, "years", field);
		}
		return endOfDay ? span.last() : span.first();
	}

	/**
	 * INVALID_QUERY on {@code field}, with the sentence
	 * {@code problem.INVALID_QUERY.<variant>}.
	 */
	public static RejectedException invalid(String field, String variant, Object... args) {
		return new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, field, variant, args));
	}

}
