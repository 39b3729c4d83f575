package org.truce.shared;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Renders a {@link Problem}'s {@code detail} (and an HTTP status's {@code title}) from
 * the {@code problems} bundle ({@code problems.properties},
 * {@code problems_ar.properties}, {@code problems_ru.properties}, UTF-8) in English,
 * Arabic or Russian.
 * <p>
 * Every template is a {@link MessageFormat} pattern, so an apostrophe is written twice
 * ({@code ''}). The arguments are strings, inserted verbatim: a field name, an id or a
 * value the client sent is never translated, nor are its digits localised. Any other
 * language renders in English, and a key missing from a translation falls back to
 * English, never to the system's locale. Thread-safe: {@link ResourceBundle} caches the
 * bundles.
 */
public final class ProblemText {

	/** The languages problems are written in, English first (the fallback). */
	public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"),
			Locale.forLanguageTag("ru"));

	static final String BUNDLE = "problems";

	private static final ResourceBundle.Control NO_SYSTEM_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private ProblemText() {
	}

	/** The language of {@link #LANGUAGES} a reader of {@code locale} is answered in. */
	public static Locale language(Locale locale) {
		if (locale != null) {
			for (Locale language : LANGUAGES) {
				if (language.getLanguage().equals(locale.getLanguage())) {
					return language;
				}
			}
		}
		return Locale.ENGLISH;
	}

	/**
	 * The template under {@code key}, in {@code locale}'s language, with its arguments.
	 */
	public static String render(String key, List<String> args, Locale locale) {
		Locale language = language(locale);
		String pattern = bundle(language).getString(key);
		return new MessageFormat(pattern, language).format(args.toArray());
	}

	/** The title of a problem with this HTTP status, such as "Not Found". */
	public static String title(int status, Locale locale) {
		return bundle(language(locale)).getString("problem.title." + status);
	}

	static ResourceBundle bundle(Locale language) {
		// English is the base bundle, problems.properties: no problems_en is looked for.
		return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH.equals(language) ? Locale.ROOT : language,
				NO_SYSTEM_FALLBACK);
	}

}
