package org.truce.shared;

import java.util.Objects;

/**
 * One thing wrong with some input: its stable code, the field (a JSON path such as
 * {@code where.latitude}, or a CSV column) and a sentence for people.
 */
public record Problem(ErrorCode code, String field, String detail) {

	public Problem {
		Objects.requireNonNull(code, "code");
	}

	public static Problem of(ErrorCode code, String field) {
		return new Problem(code, field, code.format(field));
	}

}
