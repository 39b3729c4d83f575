package org.truce.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The languages of Truce's pages and problems, and which one a request is answered in:
 * its {@value #PARAMETER} query parameter, else the language the reader chose with the
 * switcher (the {@value #COOKIE} cookie), else the first of its Accept-Language that
 * Truce has, else English. A language asked for that Truce does not have falls back to
 * English, and the {@link Choice} says which was asked for, so that the page can say so.
 *
 * <p>
 * Digits: Arabic is written with Eastern Arabic digits (٠١٢٣…) unless the reader chose
 * Latin ones ({@value #DIGITS}{@code =latn}, remembered in the cookie of the same name).
 */
public final class Languages {

	/**
	 * The languages Truce's pages and problems are written in; the first is the fallback.
	 */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ar"),
			Locale.forLanguageTag("ru"));

	/** The query parameter that chooses a language, such as {@code ?lang=ar}. */
	public static final String PARAMETER = "lang";

	/** The cookie that remembers the language chosen with the switcher. */
	public static final String COOKIE = "truce-lang";

	/**
	 * The query parameter and cookie that choose the digits: {@code latn} or
	 * {@code arab}.
	 */
	public static final String DIGITS = "digits";

	/** The cookie that remembers the digits chosen. */
	public static final String DIGITS_COOKIE = "truce-digits";

	/** The request attribute holding the request's {@link Choice}, once worked out. */
	static final String ATTRIBUTE = Languages.class.getName() + ".choice";

	private Languages() {
	}

	/**
	 * The language a request is answered in, and how it was chosen.
	 *
	 * @param locale the language used, one of {@link #SUPPORTED}
	 * @param unsupported the language the reader asked for that Truce does not have (and
	 * so answered in English), or null
	 * @param fromParameter whether the query parameter chose it (then it is remembered)
	 * @param latinDigits whether numbers are written with Latin digits (0123) in a
	 * language whose own are others
	 * @param digitsFromParameter whether the query parameter chose the digits
	 */
	public record Choice(Locale locale, String unsupported, boolean fromParameter, boolean latinDigits,
			boolean digitsFromParameter) {

		/** The language's tag, such as {@code ar}. */
		public String tag() {
			return this.locale.getLanguage();
		}

		/** Whether the language is written right to left. */
		public boolean rightToLeft() {
			return "ar".equals(tag());
		}

		/**
		 * Whether this language writes numbers with digits other than Latin ones by
		 * default.
		 */
		public boolean hasOwnDigits() {
			return "ar".equals(tag());
		}

		/** Whether numbers are written with Eastern Arabic digits. */
		public boolean arabicDigits() {
			return hasOwnDigits() && !this.latinDigits;
		}

	}

	/** The choice for this request, worked out once and kept on it. */
	public static Choice of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Choice choice) {
			return choice;
		}
		Choice choice = choose(request);
		request.setAttribute(ATTRIBUTE, choice);
		return choice;
	}

	private static Choice choose(HttpServletRequest request) {
		String digits = request.getParameter(DIGITS);
		boolean digitsFromParameter = "latn".equals(digits) || "arab".equals(digits);
		boolean latin = digitsFromParameter ? "latn".equals(digits) : "latn".equals(cookie(request, DIGITS_COOKIE));
		String asked = request.getParameter(PARAMETER);
		if (asked != null && !asked.isBlank()) {
			Optional<Locale> supported = supported(asked);
			if (supported.isPresent()) {
				return new Choice(supported.get(), null, true, latin, digitsFromParameter);
			}
			return new Choice(Locale.ENGLISH, shown(asked), false, latin, digitsFromParameter);
		}
		Optional<Locale> remembered = supported(cookie(request, COOKIE));
		if (remembered.isPresent()) {
			return new Choice(remembered.get(), null, false, latin, digitsFromParameter);
		}
		String accepted = request.getHeader("Accept-Language");
		if (accepted == null || accepted.isBlank()) {
			return new Choice(Locale.ENGLISH, null, false, latin, digitsFromParameter);
		}
		try {
			List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accepted);
			for (Locale.LanguageRange range : ranges) {
				Optional<Locale> found = supported(range.getRange());
				if (found.isPresent() && range.getWeight() > 0) {
					return new Choice(found.get(), null, false, latin, digitsFromParameter);
				}
			}
			String first = ranges.isEmpty() || "*".equals(ranges.get(0).getRange()) ? null
					: Locale.forLanguageTag(ranges.get(0).getRange()).toLanguageTag();
			return new Choice(Locale.ENGLISH, first == null ? null : shown(first), false, latin, digitsFromParameter);
		}
		catch (IllegalArgumentException malformed) {
			return new Choice(Locale.ENGLISH, null, false, latin, digitsFromParameter);
		}
	}

	/** The supported language a tag such as {@code ar-SY} or {@code RU} names, if any. */
	public static Optional<Locale> supported(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > 35) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	/** A tag as the page may show it back: letters, digits and hyphens, at most 20. */
	private static String shown(String tag) {
		String clean = tag.strip().replaceAll("[^A-Za-z0-9-]", "");
		clean = clean.length() > 20 ? clean.substring(0, 20) : clean;
		return clean.isEmpty() ? "?" : clean;
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie c : cookies) {
			if (name.equals(c.getName())) {
				return c.getValue();
			}
		}
		return null;
	}

}
