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
			throw invalid(field,
					field + " must be a date (2016-09-19) or an instant with offset (2016-09-19T19:30:00Z).");
		}
		if (!span.recordable()) {
			throw invalid(field, field + " must lie between the years 1 and 9999.");
		}
		return endOfDay ? span.last() : span.first();
	}

	public static RejectedException invalid(String field, String detail) {
		return new RejectedException(new Problem(ErrorCode.INVALID_QUERY, field, detail));
	}

}
