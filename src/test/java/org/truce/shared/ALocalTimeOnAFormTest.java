package org.truce.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time typed on a page form is a local date and time in the scenario's zone, read with
 * the summer time then in force; Damascus put its clocks forward at midnight on 25 March
 * 2016 and back at midnight on 28 October 2016. A time the clocks skipped or passed twice
 * is refused on its field, never guessed.
 */
class ALocalTimeOnAFormTest {

	private final ScenarioZone damascus = new ScenarioZone(ZoneId.of("Asia/Damascus"));

	@Test
	void eachSideOfEachChangeIsReadAtTheOffsetThenInForce() {
		assertThat(read("2016-03-24T23:59")).isEqualTo("2016-03-24T21:59:00Z");
		assertThat(read("2016-03-25T01:00")).isEqualTo("2016-03-24T22:00:00Z");
		assertThat(read("2016-10-27T22:59:30")).isEqualTo("2016-10-27T19:59:30Z");
		assertThat(read("2016-10-28T00:00")).isEqualTo("2016-10-27T22:00:00Z");
	}

	@Test
	void anInstantWithItsOffsetIsTakenAsItIsAndABlankFieldIsNone() {
		assertThat(read("2016-10-27T23:30:00+02:00")).isEqualTo("2016-10-27T21:30:00Z");
		List<Problem> problems = new ArrayList<>();
		assertThat(this.damascus.fromForm("deadline", "  ", problems)).isNull();
		assertThat(problems).isEmpty();
	}

	@Test
	void aSkippedADoubledAndAnUnreadableTimeAreRefusedOnTheirField() {
		assertThat(refused("2016-03-25T00:30")).isEqualTo(ErrorCode.LOCAL_TIME_SKIPPED);
		assertThat(refused("2016-10-27T23:00")).isEqualTo(ErrorCode.LOCAL_TIME_AMBIGUOUS);
		assertThat(refused("2016-10-27T23:59")).isEqualTo(ErrorCode.LOCAL_TIME_AMBIGUOUS);
		assertThat(refused("19/09/2016 19:30")).isEqualTo(ErrorCode.INVALID_VALUE);
	}

	private String read(String text) {
		List<Problem> problems = new ArrayList<>();
		Instant at = this.damascus.fromForm("deadline", text, problems);
		assertThat(problems).isEmpty();
		return at.toString();
	}

	private ErrorCode refused(String text) {
		List<Problem> problems = new ArrayList<>();
		assertThat(this.damascus.fromForm("deadline", text, problems)).isNull();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).field()).isEqualTo("deadline");
		assertThat(problems.get(0).detail()).contains("Asia/Damascus");
		return problems.get(0).code();
	}

}
