package org.truce.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One reading of an input's instant with offset, thrown or collected with the others. */
class InstantFieldsTest {

	@Test
	void anInstantWithOffsetIsReadAndAnAbsentOneIsNull() {
		assertThat(InstantFields.withOffset("from", " 2016-09-19T19:30:00+03:00 "))
			.isEqualTo(Instant.parse("2016-09-19T16:30:00Z"));
		assertThat(InstantFields.withOffset("from", " ")).isNull();
	}

	@Test
	void anInstantWithoutOffsetIsRefusedOnItsField() {
		assertThatThrownBy(() -> InstantFields.withOffset("from", "2016-09-19T19:30:00")).isInstanceOfSatisfying(
				RejectedException.class, ex -> assertThat(ex.problems()).extracting(Problem::code, Problem::field)
					.containsExactly(tuple(ErrorCode.INVALID_VALUE, "from")));
	}

	@Test
	void collectedProblemsSayWhichFieldIsMissingOrWrong() {
		List<Problem> problems = new ArrayList<>();

		assertThat(InstantFields.withOffset("from", null, true, problems)).isNull();
		assertThat(InstantFields.withOffset("to", "soon", true, problems)).isNull();
		assertThat(InstantFields.withOffset("at", "", false, problems)).isNull();
		assertThat(InstantFields.withOffset("at", "2016-09-19T19:30:00Z", true, problems))
			.isEqualTo(Instant.parse("2016-09-19T19:30:00Z"));

		assertThat(problems).extracting(Problem::code, Problem::field)
			.containsExactly(tuple(ErrorCode.FIELD_REQUIRED, "from"), tuple(ErrorCode.INVALID_VALUE, "to"));
	}

}
