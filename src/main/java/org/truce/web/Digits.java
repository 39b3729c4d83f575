package org.truce.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as a page's language writes them: grouped and with the decimal sign of the
 * language, in Eastern Arabic digits (٠١٢٣٤٥٦٧٨٩) for Arabic unless the reader chose
 * Latin ones. Text that already holds digits (a date, an offset) is given the same digits
 * with {@link #text}.
 */
public final class Digits {

	private static final char ARABIC_ZERO = '\u0660';

	private final Locale locale;

	private final boolean arabic;

	public Digits(Locale locale, boolean arabic) {
		this.locale = locale;
		this.arabic = arabic;
	}

	/** For the language chosen for a page. */
	public static Digits of(Languages.Choice choice) {
		return new Digits(choice.locale(), choice.arabicDigits());
	}

	/** Whether numbers are written in Eastern Arabic digits. */
	public boolean arabic() {
		return this.arabic;
	}

	/** The Latin digits of a text in the page's digits; null stays null. */
	public String text(String text) {
		if (text == null || !this.arabic) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c >= '0' && c <= '9' ? (char) (ARABIC_ZERO + (c - '0')) : c);
		}
		return out.toString();
	}

	/**
	 * A count or other whole number, grouped as the language groups it; null stays null.
	 */
	public String count(Number n) {
		return n == null ? null : decimal(n, 0);
	}

	/** A number to a given count of decimal places, grouped; null stays null. */
	public String decimal(Number n, int places) {
		if (n == null) {
			return null;
		}
		// Arabic in Latin digits groups and separates as the Latin numbering of Arabic
		// does.
		Locale symbols = this.arabic || !"ar".equals(this.locale.getLanguage()) ? this.locale
				: new Locale.Builder().setLocale(this.locale).setUnicodeLocaleKeyword("nu", "latn").build();
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(symbols));
		format.setMinimumFractionDigits(places);
		format.setMaximumFractionDigits(places);
		format.setRoundingMode(RoundingMode.HALF_EVEN);
		BigDecimal value = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
		String written = format.format(value);
		String latin = latin(written);
		return text(latin);
	}

	/** Any digits the JDK's symbols gave, as Latin ones (then {@link #text} decides). */
	private static String latin(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			out.append(c >= ARABIC_ZERO && c <= ARABIC_ZERO + 9 ? (char) ('0' + (c - ARABIC_ZERO)) : c);
		}
		return out.toString();
	}

}
