package org.truce.agreement.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A term's text in each language it is written in, by BCP 47 tag, with the languages in
 * which the agreement is authentic (equally so); the others are translations.
 *
 * @param byLanguage the texts, by language tag, in the document's order of languages
 * @param authentic the authentic languages, each of which has a text
 */
public record TermTexts(Map<String, String> byLanguage, Set<String> authentic) {

	/** The language of a text written as one string, with no languages given. */
	public static final String DEFAULT_LANGUAGE = "en";

	public TermTexts {
		byLanguage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
		authentic = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(authentic));
		if (!byLanguage.keySet().containsAll(authentic)) {
			throw new IllegalArgumentException("every authentic language needs a text");
		}
	}

	/** One text written as a single string: English, and authentic. */
	public static TermTexts english(String text) {
		return text == null ? new TermTexts(Map.of(), Set.of())
				: new TermTexts(Map.of(DEFAULT_LANGUAGE, text), Set.of(DEFAULT_LANGUAGE));
	}

	/** One text in one language, and whether that language is authentic. */
	public record Text(String language, String text, boolean authentic) {

	}

	/**
	 * The text to show a reader of {@code language} (a BCP 47 tag or a bare language):
	 * the text in that language, else in its primary language ({@code ar} for
	 * {@code ar-SY}), else in the first authentic language, else null when there is no
	 * text at all.
	 */
	public Text shown(String language) {
		String tag = chosen(language);
		return tag == null ? null : new Text(tag, this.byLanguage.get(tag), this.authentic.contains(tag));
	}

	/** Whether a reader of {@code language} is shown a text in another language. */
	public boolean fallsBack(String language) {
		String tag = chosen(language);
		return tag != null && !tag.equals(language) && !tag.equals(primary(language));
	}

	/** Every text but the one {@link #shown} to a reader of {@code language}. */
	public List<Text> others(String language) {
		String tag = chosen(language);
		List<Text> out = new ArrayList<>();
		this.byLanguage.forEach((l, t) -> {
			if (!l.equals(tag)) {
				out.add(new Text(l, t, this.authentic.contains(l)));
			}
		});
		return out;
	}

	/** Every text, authentic or not, in the document's order. */
	public List<Text> all() {
		List<Text> out = new ArrayList<>();
		this.byLanguage.forEach((l, t) -> out.add(new Text(l, t, this.authentic.contains(l))));
		return out;
	}

	private String chosen(String language) {
		if (language != null && this.byLanguage.containsKey(language)) {
			return language;
		}
		String primary = primary(language);
		if (primary != null && this.byLanguage.containsKey(primary)) {
			return primary;
		}
		if (!this.authentic.isEmpty()) {
			return this.authentic.iterator().next();
		}
		return this.byLanguage.keySet().stream().findFirst().orElse(null);
	}

	private static String primary(String language) {
		if (language == null) {
			return null;
		}
		int dash = language.indexOf('-');
		return dash < 0 ? language : language.substring(0, dash);
	}

}
