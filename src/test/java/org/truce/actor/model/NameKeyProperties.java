package org.truce.actor.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of {@link NameKey}: spellings of one name that differ only in case,
 * diacritics, acronym punctuation or the form of the Arabic article share a key.
 */
class NameKeyProperties {

	private static final Map<Character, List<String>> ACCENTED = Map.of('a', List.of("á", "à", "â", "ä", "ā"), 'e',
			List.of("é", "è", "ê", "ë", "ē"), 'i', List.of("í", "î", "ï", "ī"), 'o', List.of("ó", "ô", "ö", "ō"), 'u',
			List.of("ú", "û", "ü", "ū"), 'c', List.of("ç", "č"), 'n', List.of("ñ", "ń"), 's', List.of("š", "ş"), 'z',
			List.of("ž"));

	@Property(tries = 500)
	void theKeyIgnoresCase(@ForAll("names") String name, @ForAll long seed) {
		java.util.Random random = new java.util.Random(seed);
		StringBuilder recased = new StringBuilder();
		for (char c : name.toCharArray()) {
			recased.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}

		assertThat(NameKey.of(recased.toString())).isEqualTo(NameKey.of(name));
		assertThat(NameKey.of(name.toUpperCase(Locale.ROOT))).isEqualTo(NameKey.of(name.toLowerCase(Locale.ROOT)));
	}

	@Property(tries = 500)
	void theKeyIgnoresDiacritics(@ForAll("names") String name, @ForAll long seed) {
		java.util.Random random = new java.util.Random(seed);
		StringBuilder accented = new StringBuilder();
		for (char c : name.toCharArray()) {
			List<String> forms = ACCENTED.get(Character.toLowerCase(c));
			if (forms != null && random.nextBoolean()) {
				String form = forms.get(random.nextInt(forms.size()));
				accented.append(Character.isUpperCase(c) ? form.toUpperCase(Locale.ROOT) : form);
			}
			else {
				accented.append(c);
			}
		}
		String composed = accented.toString();
		String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

		assertThat(NameKey.of(composed)).isEqualTo(NameKey.of(name));
		assertThat(NameKey.of(decomposed)).isEqualTo(NameKey.of(name));
	}

	@Property(tries = 500)
	void anAcronymHasOneKeyWhateverSeparatesItsLetters(@ForAll("acronyms") String letters,
			@ForAll("acronymSeparators") String separator, @ForAll("words") String before,
			@ForAll("words") String after) {
		String dotted = String.join(separator, letters.split("")) + separator.trim();
		String plain = before + " " + letters + " " + after;

		assertThat(NameKey.of(before + " " + dotted + " " + after)).isEqualTo(NameKey.of(plain));
	}

	@Property(tries = 500)
	void theArabicArticleMayBeHyphenatedSpacedAssimilatedOrLeftOut(@ForAll("words") String head,
			@ForAll("words") String noun, @ForAll("articleForms") String article) {
		String without = head + " " + noun;

		assertThat(NameKey.of(head + " " + article + noun)).isEqualTo(NameKey.of(without));
	}

	@Property(tries = 500)
	void aKeyIsLowerCaseWordsSeparatedBySingleSpaces(@ForAll("anyText") String text) {
		String key = NameKey.of(text);

		assertThat(key).isEqualTo(key.trim()).doesNotContain("  ");
		assertThat(key).isEqualTo(key.toLowerCase(Locale.ROOT));
		assertThat(key.replace(" ", "")).matches("[\\p{L}\\p{N}]*");
		assertThat(key).isEqualTo(Normalizer.normalize(key, Normalizer.Form.NFKD).replaceAll("\\p{M}", ""));
	}

	@Property(tries = 300)
	void punctuationAroundAndBetweenWordsIsIgnored(@ForAll("words") String first, @ForAll("words") String second,
			@ForAll("wordSeparators") String separator, @ForAll @IntRange(max = 3) int trailingDots) {
		String spaced = first + " " + second;

		assertThat(NameKey.of("(" + first + separator + second + ".".repeat(trailingDots) + ")"))
			.isEqualTo(NameKey.of(spaced));
	}

	// ---------------------------------------------------------------- arbitraries

	/** Latin words of two to ten letters, not themselves article forms. */
	@Provide
	Arbitrary<String> words() {
		return Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
			.ofMinLength(2)
			.ofMaxLength(10)
			.filter(w -> !isArticle(w.toLowerCase(Locale.ROOT)) && !w.equalsIgnoreCase("the"));
	}

	@Provide
	Arbitrary<String> names() {
		return words().list().ofMinSize(1).ofMaxSize(4).map(ws -> String.join(" ", ws));
	}

	@Provide
	Arbitrary<String> acronyms() {
		return Arbitraries.strings()
			.withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
			.ofMinLength(2)
			.ofMaxLength(5)
			.filter(a -> !isArticle(a.toLowerCase(Locale.ROOT)));
	}

	@Provide
	Arbitrary<String> acronymSeparators() {
		return Arbitraries.of(".", ". ", "-", " ", "·", "/");
	}

	@Provide
	Arbitrary<String> wordSeparators() {
		return Arbitraries.of(" ", "  ", "-", ", ", " - ", "/", ". ", " – ", "_", "\t");
	}

	@Provide
	Arbitrary<String> articleForms() {
		Arbitrary<String> article = Arbitraries.of("al", "an", "ar", "as", "ash", "ad", "at", "az", "el", "Al", "AL",
				"An", "Ash");
		Arbitrary<String> joiner = Arbitraries.of("-", " ", "- ");
		return Combinators.combine(article, joiner).as((a, j) -> a + j);
	}

	@Provide
	Arbitrary<String> anyText() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
				Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
				Arbitraries.strings().withChars("aeiouAEIOU éüçñß'’-. ʿʾ").ofMaxLength(20));
	}

	private static boolean isArticle(String w) {
		return List.of("al", "el", "an", "ad", "ar", "as", "ash", "at", "az", "adh", "ath", "ud", "ul").contains(w);
	}

}
