package org.truce.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problems bundle speaks English, Arabic and Russian alike: every ErrorCode has its
 * sentence and every status its title in the three files, each translation has exactly
 * the keys of the English file with the same arguments, and each is written in its own
 * script. A key missing from any language fails the build here.
 */
class EveryProblemInThreeLanguagesTest {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

	private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");

	private static final Pattern CYRILLIC = Pattern.compile("[\\u0400-\\u04FF]");

	private final Properties english = read("problems.properties");

	private final Properties arabic = read("problems_ar.properties");

	private final Properties russian = read("problems_ru.properties");

	@Test
	void everyErrorCodeHasItsSentenceInEachLanguage() {
		for (ErrorCode code : ErrorCode.values()) {
			for (Properties language : new Properties[] { this.english, this.arabic, this.russian }) {
				assertThat(language.getProperty(code.key())).as(code.key()).isNotBlank();
			}
		}
	}

	@Test
	void everyStatusOfAProblemHasATitleInEachLanguageAndTheEnglishOneIsHttps() {
		for (int status : Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::status).distinct().toArray()) {
			assertThat(ProblemText.title(status, Locale.ENGLISH))
				.isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
			assertThat(ProblemText.title(status, Locale.forLanguageTag("ar"))).containsPattern(ARABIC);
			assertThat(ProblemText.title(status, Locale.forLanguageTag("ru"))).containsPattern(CYRILLIC);
		}
	}

	@Test
	void eachTranslationHasTheEnglishKeysWithTheSameArguments() {
		for (Properties translation : new Properties[] { this.arabic, this.russian }) {
			assertThat(translation.stringPropertyNames()).isEqualTo(this.english.stringPropertyNames());
			for (String key : this.english.stringPropertyNames()) {
				assertThat(arguments(translation.getProperty(key))).as(key)
					.isEqualTo(arguments(this.english.getProperty(key)));
			}
		}
	}

	@Test
	void everyTemplateIsAMessageFormatPatternInItsOwnScript() {
		for (String key : this.english.stringPropertyNames()) {
			new MessageFormat(this.english.getProperty(key), Locale.ENGLISH);
			assertThat(this.arabic.getProperty(key)).as(key).containsPattern(ARABIC);
			assertThat(this.russian.getProperty(key)).as(key).containsPattern(CYRILLIC);
			new MessageFormat(this.arabic.getProperty(key), Locale.forLanguageTag("ar"));
			new MessageFormat(this.russian.getProperty(key), Locale.forLanguageTag("ru"));
		}
	}

	@Test
	void aSentenceIsReadInTheLanguageAskedForAndInEnglishForAnyOther() {
		Problem required = Problem.of(ErrorCode.FIELD_REQUIRED, "eventType");

		assertThat(required.detail()).isEqualTo("Field eventType is required.");
		assertThat(required.detail(Locale.forLanguageTag("ar-SY"))).isEqualTo("الحقل eventType مطلوب.");
		assertThat(required.detail(Locale.forLanguageTag("ru"))).isEqualTo("Поле eventType обязательно.");
		assertThat(required.detail(Locale.FRENCH)).isEqualTo(required.detail());
		assertThat(required.detail(Locale.forLanguageTag("ar")))
			.as("the same code, field and arguments in every language")
			.isNotEqualTo(required.detail());
		assertThat(ProblemText.language(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void anApostropheOfTheEnglishTemplatesIsPrintedOnce() {
		assertThat(Problem.keyed(ErrorCode.FIELD_REQUIRED, "body", "evidence").detail())
			.isEqualTo("Send the evidence's bytes as the request body.");
		assertThat(Problem.keyed(ErrorCode.INVALID_VALUE, "grant", "grant", "boss").detail())
			.startsWith("'boss' is not a grant");
	}

	@Test
	void aCsvColumnReplacesTheJsonFieldInTheSentenceButNotInOtherArguments() {
		Problem problem = Problem.keyed(ErrorCode.TOO_LONG, "narrative", "max", "narrative", 20_000);

		Problem column = problem.about("notes");

		assertThat(column.field()).isEqualTo("notes");
		assertThat(column.detail()).isEqualTo("Field notes is longer than 20000 characters.");
		assertThat(column.detail(Locale.forLanguageTag("ru"))).contains("notes", "20000");
	}

	private static Set<String> arguments(String template) {
		Set<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(template);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties read(String name) {
		Properties properties = new Properties();
		try (InputStream in = EveryProblemInThreeLanguagesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
