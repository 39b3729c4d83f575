package org.truce.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * Language tags (BCP 47, RFC 5646): their checking, and the language of a text guessed
 * from its script when nobody gave it.
 */
public final class LanguageTags {

	/** The tag of a text whose language is not known (BCP 47 "undetermined"). */
	public static final String UNDETERMINED = "und";

	private LanguageTags() {
	}

	/**
	 * The tag in its canonical case ({@code ar}, {@code en-GB}, {@code sr-Latn}), or
	 * empty when it is not a well-formed BCP 47 tag. Grandfathered tags, and the empty
	 * text, are refused; {@code und} (undetermined) is a tag.
	 */
	public static Optional<String> canonical(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag).build();
			String canonical = locale.toLanguageTag();
			return canonical.equalsIgnoreCase(tag) ? Optional.of(canonical) : Optional.empty();
		}
		catch (IllformedLocaleException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The language of a text guessed from its letters: {@code ar} when most are Arabic
	 * script, {@code ru} when most are Cyrillic, else {@link #UNDETERMINED} (Latin script
	 * is shared by too many languages to guess one). A guess, not a statement: keep it
	 * marked as detected.
	 */
	public static String detect(String text) {
		if (text == null) {
			return UNDETERMINED;
		}
		int arabic = 0;
		int cyrillic = 0;
		int letters = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (!Character.isLetter(c)) {
				continue;
			}
			letters++;
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (script == Character.UnicodeScript.ARABIC) {
				arabic++;
			}
			else if (script == Character.UnicodeScript.CYRILLIC) {
				cyrillic++;
			}
		}
		if (arabic * 2 > letters) {
			return "ar";
		}
		if (cyrillic * 2 > letters) {
			return "ru";
		}
		return UNDETERMINED;
	}

}
