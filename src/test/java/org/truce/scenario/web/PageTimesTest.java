package org.truce.scenario.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.truce.shared.ScenarioZone;
import org.truce.web.Digits;

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
	void aPageInArabicOrRussianHasItsMonthsAndArabicItsOwnDigitsUnlessLatinAreChosen() {
		Instant at = Instant.parse("2016-09-19T17:30:00Z");
		ScenarioZone zone = new ScenarioZone(ZoneId.of("Asia/Damascus"));
		Locale arabic = Locale.forLanguageTag("ar");
		Locale russian = Locale.forLanguageTag("ru");

		PageTimes inArabic = new PageTimes(zone, arabic, new Digits(arabic, true));
		assertThat(inArabic.local(at)).isEqualTo("١٩ سبتمبر ٢٠١٦, ٢٠:٣٠ Asia/Damascus (UTC+٣)");
		assertThat(inArabic.utc(at)).isEqualTo("٢٠١٦-٠٩-١٩ ١٧:٣٠ UTC");
		assertThat(inArabic.span(at, at, true).local()).isEqualTo(inArabic.local(at));
		assertThat(new PageTimes(zone, arabic, new Digits(arabic, false)).local(at))
			.isEqualTo("19 سبتمبر 2016, 20:30 Asia/Damascus (UTC+3)");
		assertThat(new PageTimes(zone, russian, new Digits(russian, false)).local(at))
			.isEqualTo("19 сент. 2016, 20:30 Asia/Damascus (UTC+3)");
		// The instant for machines never changes.
		assertThat(inArabic.iso(at)).isEqualTo("2016-09-19T17:30:00Z");
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
