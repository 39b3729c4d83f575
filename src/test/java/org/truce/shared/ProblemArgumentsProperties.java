package org.truce.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever sentence a problem is and whatever the client sent, the Arabic and Russian
 * details carry each argument their template names verbatim: a field name, an id or a
 * value is never translated, re-quoted or written with other digits.
 */
class ProblemArgumentsProperties {

	private static final List<String> KEYS = englishKeys();

	private static final Locale[] TRANSLATIONS = { Locale.forLanguageTag("ar"), Locale.forLanguageTag("ru") };

	@Property(tries = 500)
	void theArgumentsOfAnyCodeAreInsertedVerbatim(@ForAll ErrorCode code,
			@ForAll("oneToThreeArguments") List<String> args) {
		Problem problem = Problem.with(code, args.get(0), args.toArray());
		String template = ProblemText.bundle(Locale.ROOT).getString(code.key());
		for (Locale language : TRANSLATIONS) {
			String detail = problem.detail(language);
			for (int i = 0; i < args.size(); i++) {
				if (template.contains("{" + i + "}")) {
					assertThat(detail).as("%s in %s", code, language).contains(args.get(i));
				}
			}
		}
	}

	@Property(tries = 500)
	void theArgumentsOfAnySentenceAreInsertedVerbatim(@ForAll("keys") String key,
			@ForAll("sixArguments") List<String> args) {
		Problem problem = new Problem(ErrorCode.valueOf(key.split("\\.")[1]), "field", key, args);
		for (Locale language : TRANSLATIONS) {
			String template = ProblemText.bundle(language).getString(key);
			String detail = problem.detail(language);
			for (int i = 0; i < args.size(); i++) {
				if (template.contains("{" + i + "}")) {
					assertThat(detail).as("%s in %s", key, language).contains(args.get(i));
				}
			}
		}
	}

	@Provide
	Arbitrary<List<String>> oneToThreeArguments() {
		return argument().list().ofMinSize(1).ofMaxSize(3);
	}

	@Provide
	Arbitrary<List<String>> sixArguments() {
		return argument().list().ofSize(6);
	}

	/**
	 * Latin, Arabic and Cyrillic letters, digits, quotes and braces, as a client may send
	 * them.
	 */
	private static Arbitrary<String> argument() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('0', '9')
			.withCharRange('\u0621', '\u064A')
			.withCharRange('\u0410', '\u044F')
			.withChars('\'', '{', '}', '.', '-', '_', ' ', '"', '/')
			.ofMinLength(1)
			.ofMaxLength(20);
	}

	@Provide
	Arbitrary<String> keys() {
		return Arbitraries.of(KEYS);
	}

	private static List<String> englishKeys() {
		Properties english = new Properties();
		try (InputStream in = ProblemArgumentsProperties.class.getResourceAsStream("/problems.properties")) {
			english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		List<String> keys = new ArrayList<>();
		for (String key : english.stringPropertyNames()) {
			if (!key.startsWith("problem.title.")) {
				keys.add(key);
			}
		}
		return keys;
	}

}
