package org.truce.actor.model;

import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSet;

/**
 * Folds a name written in Arabic, Cyrillic or Latin script to one key for all three, so
 * that a name written in one script can be found among names registered in another:
 * {@code Сергей Лавров}, {@code سيرغي لافروف} and {@code Sergei Lavrov} all fold to
 * {@code srglfrf}.
 *
 * <p>
 * Arabic script writes few vowels, so the key is a consonant skeleton: far coarser than
 * {@link NameKey}, and used only when no registered name has a name's {@code NameKey}.
 * The registry reports a key that several actors share as ambiguous rather than choosing
 * one, and gives no key to a name with too few consonants to tell names apart.
 *
 * <p>
 * Steps, in order: the Arabic folding of {@link NameKey} (tashkeel, hamza and madda
 * removed, alef forms, ta marbuta, alef maqsura, the article {@code ال}); Cyrillic to
 * Latin by ICU's {@code Russian-Latin/BGN} (as Russian names are written in English
 * sources, {@code Сергей} as {@code Sergey}); everything else to Latin by
 * {@code Any-Latin; Latin-ASCII; Lower}; apostrophes, ayn and hamza marks and the Latin
 * forms of the article ({@code al-}, {@code el-}, {@code ash-}...) removed; then the
 * consonants that transliterations of one sound differ in folded ({@code dzh}, {@code zh}
 * and {@code dj} as {@code j}; {@code kh} as {@code h}; {@code gh} as {@code g};
 * {@code sh} and {@code ch} as {@code s}; {@code th} as {@code t}; {@code dh} as
 * {@code d}; {@code ph} and {@code v} as {@code f}; {@code q} and {@code c} as {@code k};
 * {@code x} as {@code ks}); a {@code j} ending a word after a vowel ({@code Sergej}) and
 * every vowel, {@code y} and {@code w} dropped; the words joined and doubled letters
 * collapsed.
 *
 * <p>
 * Only Arabic, Cyrillic and Latin letters are transliterated. A name holding a letter of
 * any other script (Hebrew, Han, Greek...) has no key: Truce's names are in those three
 * scripts, and a name in another is kept as reported and left unresolved rather than
 * transliterated onto a wrong actor.
 */
public final class TransliterationKey {

	/** The scripts whose names are transliterated. */
	private static final UnicodeSet SCRIPTS = new UnicodeSet("[[:Latin:][:Arabic:][:Cyrillic:]]").freeze();

	private static final UnicodeSet CYRILLIC = new UnicodeSet("[:Cyrillic:]").freeze();

	private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʿʾʻʼ´]");

	private static final Pattern ARTICLE_PREFIX = Pattern
		.compile("(?<![\\p{L}\\p{N}])(al|el|an|ad|ar|as|ash|at|az|adh|ath|ud|ul)[-\\s]+(?=\\p{L})");

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	private static final Pattern WORD_END_J = Pattern.compile("(?<=[aeiouy])j$");

	private static final Pattern VOWELS = Pattern.compile("[aeiouyw]");

	/**
	 * ICU does not promise that one transliterator serves several threads at once, so
	 * each thread has its own.
	 */
	private static final ThreadLocal<Transliterator> RUSSIAN = ThreadLocal.withInitial(() -> {
		Transliterator t = Transliterator.getInstance("Russian-Latin/BGN");
		t.setFilter(CYRILLIC);
		return t;
	});

	private static final ThreadLocal<Transliterator> TO_LATIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

	private TransliterationKey() {
	}

	/**
	 * The key of {@code name}; empty when it has no letters or digits, or has a letter of
	 * a script other than Arabic, Cyrillic and Latin.
	 */
	public static String of(String name) {
		if (name == null || !inKnownScripts(name)) {
			return "";
		}
		String s = NameKey.foldArabic(NameKey.unmarked(name));
		StringBuilder unarticled = new StringBuilder(s.length());
		for (String word : s.split("\\s+")) {
			unarticled.append(NameKey.withoutArabicArticle(word)).append(' ');
		}
		s = RUSSIAN.get().transliterate(unarticled.toString());
		s = TO_LATIN.get().transliterate(s).toLowerCase(Locale.ROOT);
		s = APOSTROPHES.matcher(s).replaceAll("");
		s = ARTICLE_PREFIX.matcher(s).replaceAll(" ");
		s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
		StringBuilder key = new StringBuilder();
		for (String word : s.split(" ")) {
			if (word.isEmpty() || word.equals("al") || word.equals("el") || word.equals("the")) {
				continue;
			}
			key.append(skeleton(word));
		}
		return collapseDoubles(key.toString());
	}

	/**
	 * {@code name} in Latin letters, as the first steps of the key write it: Cyrillic by
	 * {@code Russian-Latin/BGN} ({@code Алеппо} is {@code aleppo}), the rest by
	 * {@code Any-Latin; Latin-ASCII; Lower}; nothing else is folded.
	 */
	public static String latin(String name) {
		return TO_LATIN.get().transliterate(RUSSIAN.get().transliterate(name));
	}

	/** Whether every letter of {@code name} is Arabic, Cyrillic or Latin. */
	public static boolean inKnownScripts(String name) {
		return name.codePoints().filter(Character::isLetter).allMatch(SCRIPTS::contains);
	}

	private static String skeleton(String word) {
		if (word.chars().allMatch(Character::isDigit)) {
			return word;
		}
		String s = WORD_END_J.matcher(word).replaceAll("");
		s = s.replace("dzh", "j")
			.replace("zh", "j")
			.replace("dj", "j")
			.replace("kh", "h")
			.replace("gh", "g")
			.replace("sh", "s")
			.replace("ch", "s")
			.replace("th", "t")
			.replace("dh", "d")
			.replace("ph", "f")
			.replace('v', 'f')
			.replace('q', 'k')
			.replace('c', 'k')
			.replace("x", "ks");
		return VOWELS.matcher(s).replaceAll("");
	}

	private static String collapseDoubles(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (i == 0 || c != s.charAt(i - 1)) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
