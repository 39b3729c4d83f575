package org.truce.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids are UUID version 7 with the clock's millisecond in front, and those one process
 * makes sort, as text and as stored, in the order they were made, even within one
 * millisecond.
 */
class IdsSortInTheOrderTheyWereMadeTest {

	@Test
	void manyIdsInOneMillisecondSortInTheOrderTheyWereMade() {
		Instant at = Instant.parse("2016-09-19T16:30:00.123Z");
		Clock fixed = Clock.fixed(at, ZoneOffset.UTC);
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			made.add(Ids.newId(fixed).toString());
		}
		assertThat(new HashSet<>(made)).hasSize(made.size());
		assertThat(made).isSorted();
		for (String id : made) {
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(7);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
		}
	}

	@Test
	void idsOfALaterMillisecondSortAfterAndAnEarlierClockStillGetsItsOwnTime() {
		Instant t = Instant.parse("2016-09-19T16:30:00Z");
		UUID first = Ids.newId(Clock.fixed(t, ZoneOffset.UTC));
		UUID later = Ids.newId(Clock.fixed(t.plusMillis(1), ZoneOffset.UTC));
		UUID earlier = Ids.newId(Clock.fixed(t.minusSeconds(3600), ZoneOffset.UTC));
		assertThat(later.toString()).isGreaterThan(first.toString());
		assertThat(earlier.toString()).isLessThan(first.toString());
		assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(t.minusSeconds(3600).toEpochMilli());
	}

}
