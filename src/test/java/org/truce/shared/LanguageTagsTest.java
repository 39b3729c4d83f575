package org.truce.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTagsTest {

	@Test
	void wellFormedTagsAreKeptInTheirCanonicalCase() {
		assertThat(LanguageTags.canonical("ar")).contains("ar");
		assertThat(LanguageTags.canonical("EN-gb")).contains("en-GB");
		assertThat(LanguageTags.canonical("sr-latn-RS")).contains("sr-Latn-RS");
		assertThat(LanguageTags.canonical("und")).contains("und");
	}

	@Test
	void whatIsNotABcp47LanguageTagIsRefused() {
		assertThat(LanguageTags.canonical(null)).isEmpty();
		assertThat(LanguageTags.canonical("")).isEmpty();
		assertThat(LanguageTags.canonical("arabic!")).isEmpty();
		assertThat(LanguageTags.canonical("en_GB")).isEmpty();
		assertThat(LanguageTags.canonical("i-klingon")).as("grandfathered").isEmpty();
		assertThat(LanguageTags.canonical("a".repeat(36))).isEmpty();
	}

	@Test
	void theLanguageIsDetectedFromTheScriptOfMostLetters() {
		assertThat(LanguageTags.detect("قصف على حي الشعار في حلب")).isEqualTo("ar");
		assertThat(LanguageTags.detect("Обстрел рынка в Алеппо")).isEqualTo("ru");
		assertThat(LanguageTags.detect("Shelling of the market")).isEqualTo("und");
		// Digits and Latin names inside Arabic text do not change its language.
		assertThat(LanguageTags.detect("قصف مدفعي على طريق الكاستيلو (Castello) عند 10:00")).isEqualTo("ar");
		assertThat(LanguageTags.detect("Aleppo market: обстрел")).isEqualTo("und");
		assertThat(LanguageTags.detect("12:00 !")).isEqualTo("und");
		assertThat(LanguageTags.detect(null)).isEqualTo("und");
	}

	@Test
	void aStatedLanguageIsNotDetectedAndNoTextHasNoLanguage() {
		assertThat(TextLanguage.of("AR", "Shelling")).isEqualTo(new TextLanguage("ar", false));
		assertThat(TextLanguage.of(null, "Обстрел")).isEqualTo(new TextLanguage("ru", true));
		assertThat(TextLanguage.of("ru", null)).isNull();
	}

}
