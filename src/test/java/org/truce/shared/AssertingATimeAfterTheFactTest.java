package org.truce.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record entered after the fact asserts when it happened, who says so and in what
 * document; without that, it asserts its own recording.
 */
class AssertingATimeAfterTheFactTest {

	private static final Instant RECORDED = Instant.parse("2026-12-07T04:00:00.123456Z");

	private final List<Problem> problems = new ArrayList<>();

	private Asserted resolve(String at, String by, String document, String url) {
		return Asserted.resolve("asserted", new Asserted.Input(at, by, document, url), RECORDED, "user-1",
				this.problems);
	}

	@Test
	void nothingAssertedIsTheRecordingItselfByTheSignedInUser() {
		Asserted a = Asserted.resolve("asserted", null, RECORDED, "user-1", this.problems);

		assertThat(a).isEqualTo(new Asserted(Instant.parse("2026-12-07T04:00:00.123Z"), "user-1", null, null));
		assertThat(Asserted.resolve("asserted", Asserted.Input.NONE, RECORDED, "user-1", this.problems)).isEqualTo(a);
		assertThat(this.problems).isEmpty();
	}

	@Test
	void aPastTimeWithItsAsserterAndDocumentIsKept() {
		Asserted a = resolve("2016-09-18T23:59:00+03:00", " OCHA ", "Statement of 19 September 2016",
				"https://m.reliefweb.int/report/1700831");

		assertThat(this.problems).isEmpty();
		assertThat(a).isEqualTo(new Asserted(Instant.parse("2016-09-18T20:59:00Z"), "OCHA",
				"Statement of 19 September 2016", "https://m.reliefweb.int/report/1700831"));
		assertThat(a.differsFrom(RECORDED, "user-1")).isTrue();
	}

	@Test
	void aDocumentWithoutATimeIsCitedForTheRecording() {
		Asserted a = resolve(null, null, "Minutes of the task force", null);

		assertThat(this.problems).isEmpty();
		assertThat(a.at()).isEqualTo(Instant.parse("2026-12-07T04:00:00.123Z"));
		assertThat(a.by()).isEqualTo("user-1");
		assertThat(a.document()).isEqualTo("Minutes of the task force");
	}

	@Test
	void aTimeLaterThanTheRecordingIsRefusedNamingTheField() {
		assertThat(resolve("2026-12-07T04:00:01Z", "OCHA", null, null)).isNull();

		assertThat(this.problems).extracting(Problem::code, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.ASSERTED_AFTER_RECORDED, "asserted.at"));
		assertThat(this.problems.get(0).detail()).contains("2026-12-07T04:00:01Z").contains("recorded at");
	}

	@Test
	void theRecordingsOwnMillisecondMayBeAsserted() {
		assertThat(resolve("2026-12-07T04:00:00.123Z", "OCHA", null, null)).isNotNull();
		assertThat(this.problems).isEmpty();
	}

	@Test
	void aTimeWithoutWhoAssertsItIsRefused() {
		assertThat(resolve("2016-09-18T23:59:00+03:00", " ", "A letter", null)).isNull();

		assertThat(this.problems).extracting(Problem::code, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.ASSERTED_BY_REQUIRED, "asserted.by"));
	}

	@Test
	void aTimeWithoutOffsetAndAnAddressThatIsNotTheWebAreRefusedTogether() {
		assertThat(resolve("2016-09-18 23:59", "OCHA", null, "javascript:alert(1)")).isNull();

		assertThat(this.problems).extracting(Problem::code, Problem::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "asserted.at"),
					org.assertj.core.groups.Tuple.tuple(ErrorCode.INVALID_VALUE, "asserted.url"));
	}

	@Test
	void aStoredRowWithoutAnAssertionAssertsItsRecording() {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");

		assertThat(Asserted.stored(null, null, null, null, at, "u")).isEqualTo(Asserted.recorded(at, "u"));
		assertThat(Asserted.stored(at.minusSeconds(5), "OCHA", "d", null, at, "u"))
			.isEqualTo(new Asserted(at.minusSeconds(5), "OCHA", "d", null));
	}

}
