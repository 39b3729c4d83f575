package org.truce.agreement;

import java.io.StringReader;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.Term;
import org.truce.agreement.model.TermTexts;
import org.truce.agreement.web.TermTextView;
import org.truce.shared.ErrorCode;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementTextsInSeveralLanguagesTest {

	private final AgreementDocuments documents = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	private AgreementDocuments.Parsed parse(String header, String text) {
		return this.documents.parse("texts.yaml", new StringReader("""
				id: texts
				effective: {from: "2016-09-12T19:00:00+03:00"}
				parties: [syria-government]
				%s
				terms:
				  - id: texts/cease
				    text: %s
				    prohibits: ["category:battles"]
				    by: parties
				    against: anyone
				""".formatted(header, text)));
	}

	@Test
	void aTextWrittenAsOneStringIsEnglishAndAuthenticAsBefore() {
		AgreementDocuments.Parsed parsed = parse("", "Stop attacking.");
		assertThat(parsed.errors()).isEmpty();
		Term term = parsed.agreement().terms().get(0);
		assertThat(term.text()).isEqualTo("Stop attacking.");
		assertThat(term.texts().all()).containsExactly(new TermTexts.Text("en", "Stop attacking.", true));
	}

	@Test
	void aTermHasATextPerLanguageAndTheDocumentSaysWhichAreAuthentic() {
		AgreementDocuments.Parsed parsed = parse("languages: [ru, en, AR]\nauthentic: [ru, en]",
				"{en: Stop attacking., ru: Прекратить нападения., ar: الكف عن الهجمات.}");
		assertThat(parsed.errors()).isEmpty();
		Term term = parsed.agreement().terms().get(0);
		assertThat(term.text()).isEqualTo("Stop attacking.");
		assertThat(term.texts().all()).containsExactly(new TermTexts.Text("ru", "Прекратить нападения.", true),
				new TermTexts.Text("en", "Stop attacking.", true), new TermTexts.Text("ar", "الكف عن الهجمات.", false));
	}

	@Test
	void aTermLackingATextInAnAuthenticLanguageIsRefusedWithItsCodeAndPointer() {
		AgreementDocuments.Parsed parsed = parse("languages: [en, ru, ar]\nauthentic: [en, ru]",
				"{en: Stop attacking., ar: الكف عن الهجمات.}");
		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.errors()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo(ErrorCode.TEXT_MISSING_IN_AUTHENTIC_LANGUAGE);
			assertThat(e.pointer()).isEqualTo("terms[0].text.ru");
			assertThat(e.line()).isEqualTo(8);
			assertThat(e.toString()).contains("term 'texts/cease' has no text in 'ru'")
				.endsWith("[TEXT_MISSING_IN_AUTHENTIC_LANGUAGE at terms[0].text.ru]");
		});
	}

	@Test
	void anOldStyleTextIsEnglishSoItLacksTheOtherAuthenticLanguage() {
		AgreementDocuments.Parsed parsed = parse("languages: [en, ru]\nauthentic: [en, ru]", "Stop attacking.");
		assertThat(parsed.errors()).extracting(DocumentError::pointer).containsExactly("terms[0].text.ru");
	}

	@Test
	void aLanguageTagThatIsNotBcp47IsRefused() {
		AgreementDocuments.Parsed listed = parse("languages: [en, russian_1]\nauthentic: [en]", "Stop attacking.");
		assertThat(listed.errors()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LANGUAGE_TAG);
			assertThat(e.pointer()).isEqualTo("languages[1]");
		});
		AgreementDocuments.Parsed inText = parse("languages: [en]\nauthentic: [en]",
				"{en: Stop attacking., 'x y': Другое.}");
		assertThat(inText.errors()).singleElement().satisfies(e -> {
			assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LANGUAGE_TAG);
			assertThat(e.pointer()).isEqualTo("terms[0].text.x y");
		});
	}

	@Test
	void aTextInALanguageTheDocumentDoesNotListOrAnAuthenticLanguageNotListedIsRefused() {
		assertThat(parse("languages: [en]\nauthentic: [en]", "{en: Stop attacking., ru: Прекратить.}").errors())
			.singleElement()
			.satisfies(e -> assertThat(e.message()).contains("language 'ru' is not listed in languages [en]"));
		assertThat(parse("languages: [en]\nauthentic: [en, ru]", "Stop attacking.").errors())
			.anySatisfy(e -> assertThat(e.message()).contains("authentic language 'ru' is not listed in languages"));
		assertThat(parse("languages: [en]", "Stop attacking.").errors())
			.anySatisfy(e -> assertThat(e.message()).contains("name at least one authentic language"));
	}

	@Test
	void aReaderSeesTheirLanguageElseAnAuthenticOneSaidSoAndTheOthersBeside() {
		Term term = parse("languages: [en, ru, ar]\nauthentic: [en, ru]",
				"{en: Stop attacking., ru: Прекратить нападения.}")
			.agreement()
			.terms()
			.get(0);
		TermTextView russian = TermTextView.of(term, Locale.forLanguageTag("ru-RU"));
		assertThat(russian.shown()).isEqualTo(new TermTexts.Text("ru", "Прекратить нападения.", true));
		assertThat(russian.fallback()).isFalse();
		assertThat(russian.others()).extracting(TermTexts.Text::language).containsExactly("en");

		TermTextView arabic = TermTextView.of(term, Locale.forLanguageTag("ar"));
		assertThat(arabic.shown().language()).isEqualTo("en");
		assertThat(arabic.fallback()).isTrue();
		assertThat(arabic.others()).extracting(TermTexts.Text::language).containsExactly("ru");
	}

}
