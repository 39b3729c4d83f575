package org.truce.actor.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a name to a key under which spellings of one name coincide: case, diacritics,
 * punctuation, the Arabic article and common transliteration variants are ignored.
 *
 * <p>
 * The folding is deliberately coarse. It is only ever used to look a name up among the
 * names the registry knows, and the registry reports a key shared by two actors as
 * ambiguous rather than choosing one.
 *
 * <p>
 * Rules, in order: Unicode NFKD with combining marks removed (which also strips Arabic
 * tashkeel and the hamza and madda carried by alef, waw and yeh); letters that do not
 * decompose mapped to Latin (ø, ł, ß, ı, æ); Arabic letters unified ({@link #foldArabic}:
 * ta marbuta as heh, alef maqsura as yeh, alef wasla as alef, Persian kaf and yeh as
 * Arabic, tatweel and a lone hamza dropped); lower case; apostrophes and ayn/hamza marks
 * removed; a hyphenated Arabic article ({@code al-}, {@code an-}, {@code ash-}...)
 * removed; other punctuation becomes a space; runs of single letters joined
 * ({@code U.S.A.} is {@code usa}); the words {@code al}, {@code el} and {@code the}
 * dropped, and the Arabic article {@code ال} at the start of a longer word; then, within
 * each word, transliteration variants folded (ei/ey/iy/ij at the end of a word, ou, oo,
 * ee, kh, q, dj, ph, w, e/i and o/u) and doubled letters collapsed.
 */
public final class NameKey {

	private static final Pattern COMBINING = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("['’‘`ʿʾʻʼ´]");

	private static final Pattern ARTICLE_PREFIX = Pattern
		.compile("(?<![\\p{L}\\p{N}])(al|el|an|ad|ar|as|ash|at|az|adh|ath|ud|ul)[-\\s]+(?=\\p{L})");

	private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

	private NameKey() {
	}

	/** The folded key of {@code name}; empty when the name has no letters or digits. */
	public static String of(String name) {
		if (name == null) {
			return "";
		}
		String s = unmarked(name);
		s = mapSpecialLetters(s).toLowerCase(Locale.ROOT);
		s = APOSTROPHES.matcher(s).replaceAll("");
		s = ARTICLE_PREFIX.matcher(s).replaceAll(" ");
		s = NON_ALNUM.matcher(s).replaceAll(" ").trim();
		if (s.isEmpty()) {
			return "";
		}
		List<String> words = joinSingleLetters(s.split(" "));
		StringBuilder key = new StringBuilder();
		for (String word : words) {
			if (word.equals("al") || word.equals("el") || word.equals("the")) {
				continue;
			}
			if (key.length() > 0) {
				key.append(' ');
			}
			key.append(foldWord(withoutArabicArticle(word)));
		}
		return key.toString();
	}

	/** {@code name} in NFKD with every combining mark removed. */
	static String unmarked(String name) {
		return COMBINING.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
	}

	/**
	 * Arabic letters that spellings of one name write either way, as one: ta marbuta
	 * {@code ة} as heh {@code ه}, alef maqsura {@code ى} as yeh {@code ي}, alef wasla
	 * {@code ٱ} as alef, Persian kaf and yeh as Arabic; tatweel and a lone hamza
	 * {@code ء} are dropped. Alef with hamza or madda ({@code أ إ آ}) needs nothing here:
	 * NFKD splits off the mark, which {@link #unmarked} removes.
	 */
	static String foldArabic(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case 'ة' -> out.append('ه');
				case 'ى', 'ی' -> out.append('ي');
				case 'ٱ' -> out.append('ا');
				case 'ک' -> out.append('ك');
				case 'ـ', 'ء' -> {
				}
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A word without the Arabic article {@code ال} it starts with, when at least two
	 * letters remain ({@code الأسد} is {@code اسد}).
	 */
	static String withoutArabicArticle(String word) {
		return word.startsWith("ال") && word.length() >= 4 ? word.substring(2) : word;
	}

	private static String mapSpecialLetters(String text) {
		String s = foldArabic(text);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case 'ø', 'Ø' -> out.append('o');
				case 'ł', 'Ł' -> out.append('l');
				case 'ß' -> out.append("ss");
				case 'ı' -> out.append('i');
				case 'æ', 'Æ' -> out.append("ae");
				case 'đ', 'Đ', 'ð' -> out.append('d');
				case 'þ' -> out.append("th");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static List<String> joinSingleLetters(String[] words) {
		List<String> out = new ArrayList<>();
		StringBuilder run = new StringBuilder();
		for (String w : words) {
			if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
				run.append(w);
				continue;
			}
			if (run.length() > 0) {
				out.add(run.toString());
				run.setLength(0);
			}
			out.add(w);
		}
		if (run.length() > 0) {
			out.add(run.toString());
		}
		return out;
	}

	private static String foldWord(String w) {
		if (w.chars().allMatch(Character::isDigit)) {
			return w;
		}
		String s = w;
		s = s.replaceAll("(ei|ey|iy|ij|yi)$", "i");
		s = s.replace("ou", "u")
			.replace("oo", "u")
			.replace("ee", "i")
			.replace("kh", "h")
			.replace("dj", "j")
			.replace("ph", "f")
			.replace('q', 'k')
			.replace('w', 'v');
		s = s.replace('e', 'i').replace('o', 'u').replace('y', 'i');
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
