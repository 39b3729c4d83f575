package org.truce.scenario.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTimesTest {

	private final PageTimes damascus = new PageTimes(ZoneId.of("Asia/Damascus"));

	@Test
	void anInstantIsWrittenInTheScenariosZoneAndInUtc() {
		Instant at = Instant.parse("2016-09-19T17:30:00Z");

		assertThat(this.damascus.local(at)).isEqualTo("19 Sep 2016, 20:30 (Asia/Damascus)");
		assertThat(this.damascus.utc(at)).isEqualTo("2016-09-19 17:30 UTC");
		assertThat(this.damascus.iso(at)).isEqualTo("2016-09-19T17:30:00Z");
		assertThat(new PageTimes(ZoneId.of("UTC")).local(at)).isEqualTo("19 Sep 2016, 17:30 (UTC)");
	}

	@Test
	void anOffsetDateTimeOrItsTextIsTheSameInstant() {
		assertThat(this.damascus.local(OffsetDateTime.parse("2016-09-19T20:30:00+03:00")))
			.isEqualTo("19 Sep 2016, 20:30 (Asia/Damascus)");
		assertThat(this.damascus.utc("2016-09-19T20:30:00+03:00")).isEqualTo("2016-09-19 17:30 UTC");
	}

	@Test
	void aDayIsTheUtcDaySoThatItsEndStaysOnIt() {
		assertThat(this.damascus.day(Instant.parse("2016-09-19T23:59:59Z"))).isEqualTo("19 Sep 2016");
	}

	@Test
	void whatIsNotAnInstantIsWrittenAsItIs() {
		assertThat(this.damascus.local("2016-09-19")).isEqualTo("2016-09-19");
		assertThat(this.damascus.iso("2016-09-19")).isNull();
		assertThat(this.damascus.local(null)).isNull();
	}

}
