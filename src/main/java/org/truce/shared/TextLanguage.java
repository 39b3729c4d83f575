package org.truce.shared;

/**
 * The language of a text the record holds, as a BCP 47 tag, and whether it was detected
 * from the text's script ({@link LanguageTags#detect}) rather than given by whoever
 * submitted it.
 *
 * @param tag the language, such as {@code ar}; {@code und} when detection found none
 * @param detected true when guessed from the script, false when stated by the submitter
 */
public record TextLanguage(String tag, boolean detected) {

	public TextLanguage {
		java.util.Objects.requireNonNull(tag, "tag");
	}

	/**
	 * The language stated for {@code text} (a well-formed tag, checked beforehand), else
	 * the one detected from its script; null for no text.
	 */
	public static TextLanguage of(String stated, String text) {
		if (text == null) {
			return null;
		}
		if (stated != null && !stated.isBlank()) {
			return new TextLanguage(LanguageTags.canonical(stated).orElse(stated), false);
		}
		return new TextLanguage(LanguageTags.detect(text), true);
	}

}
