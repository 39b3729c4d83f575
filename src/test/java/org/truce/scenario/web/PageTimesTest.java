package org.truce.scenario.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTimesTest {

	private final PageTimes damascus = new PageTimes(ZoneId.of("Asia/Damascus"));

	@Test
	void anInstantIsWrittenInTheScenariosZoneWithItsOffsetAndInUtc() {
		Instant at = Instant.parse("2016-09-19T17:30:00Z");

		assertThat(this.damascus.local(at)).isEqualTo("19 Sep 2016, 20:30 Asia/Damascus (UTC+3)");
		assertThat(this.damascus.utc(at)).isEqualTo("2016-09-19 17:30 UTC");
		assertThat(this.damascus.iso(at)).isEqualTo("2016-09-19T17:30:00Z");
		assertThat(new PageTimes(ZoneId.of("UTC")).local(at)).isEqualTo("19 Sep 2016, 17:30 UTC");
	}

	@Test
	void theOffsetIsTheOneInForceAtThatInstant() {
		// Damascus kept UTC+2 in winter and UTC+3 in summer in 2016.
		assertThat(this.damascus.local(Instant.parse("2016-02-27T00:00:00Z")))
			.isEqualTo("27 Feb 2016, 02:00 Asia/Damascus (UTC+2)");
		assertThat(new PageTimes(ZoneId.of("Asia/Kolkata")).local(Instant.parse("2016-09-19T17:30:00Z")))
			.isEqualTo("19 Sep 2016, 23:00 Asia/Kolkata (UTC+5:30)");
	}

	@Test
	void anOffsetDateTimeOrItsTextIsTheSameInstant() {
		assertThat(this.damascus.local(OffsetDateTime.parse("2016-09-19T20:30:00+03:00")))
			.isEqualTo("19 Sep 2016, 20:30 Asia/Damascus (UTC+3)");
		assertThat(this.damascus.utc("2016-09-19T20:30:00+03:00")).isEqualTo("2016-09-19 17:30 UTC");
	}

	@Test
	void aSpanKnownToTheDayIsItsLocalDayWithItsUtcBounds() {
		var day = this.damascus.span(Instant.parse("2016-09-18T21:00:00Z"), Instant.parse("2016-09-19T20:59:59.999Z"),
				false);

		assertThat(day.local()).isEqualTo("19 Sep 2016 (Asia/Damascus)");
		assertThat(day.utc()).isEqualTo("2016-09-18 21:00 – 2016-09-19 21:00 UTC");
	}

	@Test
	void aSpanNotOnDayBoundariesIsWrittenToTheMinute() {
		var span = this.damascus.span(Instant.parse("2016-09-19T05:00:00Z"), Instant.parse("2016-09-19T16:00:00Z"),
				false);

		assertThat(span.local()).isEqualTo("19 Sep 2016, 08:00 – 19 Sep 2016, 19:00 Asia/Damascus (UTC+3)");
	}

	@Test
	void whatIsNotAnInstantIsWrittenAsItIs() {
		assertThat(this.damascus.local("2016-09-19")).isEqualTo("2016-09-19");
		assertThat(this.damascus.iso("2016-09-19")).isNull();
		assertThat(this.damascus.local(null)).isNull();
	}

}
