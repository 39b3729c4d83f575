package org.truce.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string of the pages ({@code messages}) and of problems ({@code problems}) is in
 * English, Arabic and Russian, under the same keys, with the same placeholders, and each
 * parses as a {@link MessageFormat}: a key missing from one language fails the build. A
 * basename with no English file yet is skipped (it is another change's).
 */
class EveryMessageIsInEveryLanguageTest {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "problems" })
	void everyKeyIsInEveryLanguageWithTheSamePlaceholders(String basename) throws IOException {
		Map<String, Properties> languages = new TreeMap<>();
		for (Locale language : Languages.SUPPORTED) {
			String suffix = language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage();
			Properties p = load(basename + suffix + ".properties");
			if (p != null) {
				languages.put(language.getLanguage(), p);
			}
		}
		if (!languages.containsKey("en") && "problems".equals(basename)) {
			return;
		}
		assertThat(languages).as(basename + " in every language").containsOnlyKeys("en", "ar", "ru");
		Set<String> english = languages.get("en").stringPropertyNames();
		assertThat(english).isNotEmpty();
		List<String> wrong = new ArrayList<>();
		for (var language : languages.entrySet()) {
			Set<String> keys = language.getValue().stringPropertyNames();
			for (String key : new TreeSet<>(english)) {
				if (!keys.contains(key)) {
					wrong.add(language.getKey() + " lacks " + key);
				}
			}
			for (String key : new TreeSet<>(keys)) {
				if (!english.contains(key)) {
					wrong.add(language.getKey() + " has " + key + ", which English lacks");
					continue;
				}
				String text = language.getValue().getProperty(key);
				String englishText = languages.get("en").getProperty(key);
				if (text.isBlank()) {
					wrong.add(language.getKey() + " " + key + " is blank");
				}
				if (!placeholders(text).equals(placeholders(englishText))) {
					wrong.add(language.getKey() + " " + key + " has placeholders " + placeholders(text) + ", English "
							+ placeholders(englishText));
				}
				if (!placeholders(englishText).isEmpty()) {
					try {
						new MessageFormat(text, Locale.forLanguageTag(language.getKey()));
					}
					catch (IllegalArgumentException ex) {
						wrong.add(language.getKey() + " " + key + " is not a MessageFormat: " + ex.getMessage());
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ar", "ru" })
	void eachTranslationIsWrittenInItsOwnScript(String language) throws IOException {
		Properties translated = load("messages_" + language + ".properties");
		Properties english = load("messages.properties");
		Pattern script = Pattern.compile("ar".equals(language) ? "\\p{IsArabic}" : "\\p{IsCyrillic}");
		long inScript = translated.stringPropertyNames()
			.stream()
			.filter(k -> script.matcher(translated.getProperty(k)).find())
			.count();
		// Nearly every string is in the language's script; the few others are names
		// (English, the languages' own names) and formats such as "{0}, {1}".
		assertThat(inScript).isGreaterThan(english.size() * 9L / 10);
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(String resource) throws IOException {
		try (InputStream in = EveryMessageIsInEveryLanguageTest.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				return null;
			}
			Properties p = new Properties();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				p.load(reader);
			}
			return p;
		}
	}

}
