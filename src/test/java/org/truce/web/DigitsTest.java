package org.truce.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers as each language writes them: grouped, with its decimal sign, and for Arabic in
 * Eastern Arabic digits unless Latin ones are chosen.
 */
class DigitsTest {

	private static final Locale ARABIC = Locale.forLanguageTag("ar");

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	@Test
	void arabicWritesEasternArabicDigitsWithItsOwnSeparators() {
		Digits digits = new Digits(ARABIC, true);
		assertThat(digits.count(1234567)).isEqualTo("١٬٢٣٤٬٥٦٧");
		assertThat(digits.decimal(36.2071, 4)).isEqualTo("٣٦٫٢٠٧١");
		assertThat(digits.text("2016-10-21 08:00 UTC")).isEqualTo("٢٠١٦-١٠-٢١ ٠٨:٠٠ UTC");
	}

	@Test
	void arabicWithLatinDigitsGroupsAsLatinNumbersDo() {
		Digits digits = new Digits(ARABIC, false);
		assertThat(digits.count(1234567)).isEqualTo("1,234,567");
		assertThat(digits.decimal(36.2071, 4)).isEqualTo("36.2071");
		assertThat(digits.text("2016")).isEqualTo("2016");
	}

	@Test
	void englishAndRussianGroupAsTheyDo() {
		assertThat(new Digits(Locale.ENGLISH, false).count(1000)).isEqualTo("1,000");
		assertThat(new Digits(Locale.ENGLISH, false).decimal(new BigDecimal("0.25"), 1)).isEqualTo("0.2");
		assertThat(new Digits(RUSSIAN, false).count(1000)).isEqualTo("1\u00a0000");
		assertThat(new Digits(RUSSIAN, false).decimal(36.5, 2)).isEqualTo("36,50");
		assertThat(new Digits(Locale.ENGLISH, false).count(null)).isNull();
	}

}
