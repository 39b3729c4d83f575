package org.truce.actor.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link NameKey} folds Arabic spellings of one name together, and how
 * {@link TransliterationKey} brings the Arabic, Cyrillic and Latin writings of one name
 * to one key (issue 18).
 */
class FoldingNamesAcrossScriptsTest {

	@Test
	void tashkeelIsIgnored() {
		assertThat(NameKey.of("بَشَّارُ الأَسَدِ")).isEqualTo(NameKey.of("بشار الأسد"));
		assertThat(TransliterationKey.of("بَشَّارُ الأَسَدِ")).isEqualTo(TransliterationKey.of("بشار الأسد"));
	}

	@Test
	void theFormsOfAlefAreOne() {
		for (String alef : List.of("أسد", "إسد", "آسد", "اسد", "ٱسد")) {
			assertThat(NameKey.of(alef)).as(alef).isEqualTo("اسد");
		}
	}

	@Test
	void taMarbutaIsHehAndAlefMaqsuraIsYeh() {
		assertThat(NameKey.of("جبهة النصرة")).isEqualTo(NameKey.of("جبهه النصره")).isEqualTo("جبه نصره");
		assertThat(NameKey.of("مصطفى")).isEqualTo(NameKey.of("مصطفي"));
	}

	@Test
	void hamzaOnWawAndYehAndTatweelAreIgnored() {
		assertThat(NameKey.of("مؤتمر")).isEqualTo(NameKey.of("موتمر"));
		assertThat(NameKey.of("رئيس")).isEqualTo(NameKey.of("رييس"));
		assertThat(NameKey.of("حـــلب")).isEqualTo(NameKey.of("حلب"));
	}

	@Test
	void theArabicArticleIsDroppedFromALongerWordOnly() {
		assertThat(NameKey.of("الأسد")).isEqualTo(NameKey.of("أسد"));
		assertThat(NameKey.of("الشام")).isEqualTo("شام");
		// "ال" alone, or before one letter, is not an article that can be dropped
		assertThat(NameKey.of("الم")).isEqualTo("الم");
	}

	@Test
	void cyrillicKeepsItsLettersInTheNameKeyButFoldsShortI() {
		assertThat(NameKey.of("Сергей Лавров")).isEqualTo("сергеи лавров");
		assertThat(NameKey.of("Пётр")).isEqualTo(NameKey.of("Петр"));
	}

	@Test
	void lavrovInThreeScriptsAndTwoTransliterationsIsOneKey() {
		String key = TransliterationKey.of("Sergei Lavrov");

		assertThat(key).isEqualTo("srglfrf");
		assertThat(TransliterationKey.of("Sergey Lavrov")).isEqualTo(key);
		assertThat(TransliterationKey.of("Sergej Lavrov")).isEqualTo(key);
		assertThat(TransliterationKey.of("Сергей Лавров")).isEqualTo(key);
		assertThat(TransliterationKey.of("سيرغي لافروف")).isEqualTo(key);
	}

	@Test
	void assadInArabicCyrillicAndLatinIsOneKey() {
		String key = TransliterationKey.of("Bashar al-Assad");

		assertThat(key).isEqualTo("bsrsd");
		assertThat(TransliterationKey.of("بشار الأسد")).isEqualTo(key);
		assertThat(TransliterationKey.of("Башар Асад")).isEqualTo(key);
		assertThat(TransliterationKey.of("Bashar el-Asad")).isEqualTo(key);
	}

	@Test
	void consonantsThatTransliterationsWriteDifferentlyAreOne() {
		assertThat(TransliterationKey.of("Джон Керри")).isEqualTo(TransliterationKey.of("جون كيري")).isEqualTo("jnkr");
		assertThat(TransliterationKey.of("Khaled")).isEqualTo(TransliterationKey.of("Haled"));
		assertThat(TransliterationKey.of("Qamishli")).isEqualTo(TransliterationKey.of("Kamishli"));
		assertThat(TransliterationKey.of("Dzhabhat")).isEqualTo(TransliterationKey.of("Jabhat"));
		assertThat(TransliterationKey.of("Хезболла")).isEqualTo(TransliterationKey.of("Hezbolla"));
	}

	@Test
	void aNameWithALetterOfAnotherScriptHasNoTransliterationKey() {
		assertThat(TransliterationKey.of("דוד")).isEmpty();
		assertThat(TransliterationKey.of("北京")).isEmpty();
		assertThat(TransliterationKey.of("Sergei 北京")).isEmpty();
		assertThat(TransliterationKey.of("Λαβρόφ")).isEmpty();
		assertThat(TransliterationKey.inKnownScripts("Sergei Лавров لافروف 2016")).isTrue();
	}

	@Test
	void nothingFoldsToNothing() {
		assertThat(TransliterationKey.of(null)).isEmpty();
		assertThat(TransliterationKey.of(" - ")).isEmpty();
		assertThat(TransliterationKey.of("Aiou")).isEmpty();
	}

	@Test
	void aMatchNamesTheScriptOfTheRegisteredName() {
		assertThat(NameMatch.scriptOf("Сергей Лавров")).isEqualTo("Cyrillic");
		assertThat(NameMatch.scriptOf("سيرغي لافروف")).isEqualTo("Arabic");
		assertThat(NameMatch.scriptOf("Sergei Lavrov (2016)")).isEqualTo("Latin");
		assertThat(NameMatch.scriptOf("Sergei Лавров")).isEqualTo("Other");
	}

}
