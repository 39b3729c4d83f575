package org.truce.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The language of every page ({@code lang}): its tag and direction for
 * {@code <html lang dir>}, the language the reader asked for when Truce does not have it
 * (the page says it is in English instead), the switcher's links, and how numbers are
 * written ({@code lang.digits}).
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
@ConditionalOnWebApplication
class PageLanguage implements PageModel {

	@Override
	public String attribute() {
		return "lang";
	}

	@Override
	public Shown value(HttpServletRequest request) {
		Languages.Choice choice = Languages.of(request);
		List<Switch> switches = Languages.SUPPORTED.stream()
			.map(l -> new Switch(l.getLanguage(), link(request, Languages.PARAMETER, l.getLanguage()),
					l.getLanguage().equals(choice.tag())))
			.toList();
		String digits = choice.hasOwnDigits() ? link(request, Languages.DIGITS, choice.arabicDigits() ? "latn" : "arab")
				: null;
		return new Shown(choice.tag(), choice.rightToLeft() ? "rtl" : "ltr", choice.unsupported(), switches, digits,
				Digits.of(choice));
	}

	/** This page again with one query parameter set (the others kept). */
	private static String link(HttpServletRequest request, String parameter, String value) {
		return ServletUriComponentsBuilder.fromRequestUri(request)
			.query(request.getQueryString())
			.replaceQueryParam(parameter, value)
			.build()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

	/**
	 * A page's language.
	 *
	 * @param tag {@code en}, {@code ar} or {@code ru}
	 * @param dir {@code ltr} or {@code rtl}
	 * @param unsupported the language asked for that Truce does not have, or null
	 * @param switches a link to this page in each language
	 * @param otherDigits a link to this page in the language's other digits, or null for
	 * a language with only Latin ones
	 * @param digits how numbers are written
	 */
	record Shown(String tag, String dir, String unsupported, List<Switch> switches, String otherDigits, Digits digits) {

	}

	/** A link of the switcher: this page in a language. */
	record Switch(String tag, String href, boolean current) {

	}

}
