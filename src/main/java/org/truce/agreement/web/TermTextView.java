package org.truce.agreement.web;

import java.util.List;
import java.util.Locale;

import org.truce.agreement.model.Term;
import org.truce.agreement.model.TermTexts;

/**
 * A term's text as a page shows it to one reader: in the reader's language when the term
 * has it, else in an authentic language ({@code fallback}), with the other languages to
 * open ({@code fragments/term-text :: term}).
 *
 * @param termId the term
 * @param shown the text shown first
 * @param fallback whether {@code shown} is not in the reader's language
 * @param readerLanguage the reader's language, as a BCP 47 tag
 * @param others the texts in every other language, authentic or not
 */
public record TermTextView(String termId, TermTexts.Text shown, boolean fallback, String readerLanguage,
		List<TermTexts.Text> others) {

	public static TermTextView of(Term term, Locale reader) {
		String language = reader == null ? TermTexts.DEFAULT_LANGUAGE : reader.toLanguageTag();
		TermTexts texts = term.texts();
		return new TermTextView(term.id(), texts.shown(language), texts.fallsBack(language), language,
				texts.others(language));
	}

}
