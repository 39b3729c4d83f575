package org.truce.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers every request, page, API or problem, in the language {@link Languages} chooses
 * for it: the language is set for the whole request (so that a problem written by a
 * filter, before Spring MVC, is in it too: {@link LocaleContextHolder#getLocale()}), the
 * answer says it in {@code Content-Language}, and a language or digits chosen with the
 * query parameter is remembered in a cookie. Spring MVC and Thymeleaf read it through the
 * {@link LocaleResolver}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class LocaleConfiguration {

	/** How long the switcher's choice is remembered. */
	static final Duration REMEMBERED = Duration.ofDays(365);

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new ChosenLanguage();
	}

	@Bean
	FilterRegistrationBean<AnsweringInTheChosenLanguage> answeringInTheChosenLanguage() {
		FilterRegistrationBean<AnsweringInTheChosenLanguage> registration = new FilterRegistrationBean<>(
				new AnsweringInTheChosenLanguage());
		// Before every other filter, so that their problems are in the language too.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The language {@link Languages} chooses; the switcher's cookie is set by the filter.
	 */
	static final class ChosenLanguage implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return Languages.of(request).locale();
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			throw new UnsupportedOperationException("The language is chosen with ?lang=, see Languages");
		}

	}

	/** Sets the request's language, says it, and remembers a choice. */
	static final class AnsweringInTheChosenLanguage extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Languages.Choice choice = Languages.of(request);
			Locale previous = LocaleContextHolder.getLocale();
			LocaleContextHolder.setLocale(choice.locale());
			say(response, choice);
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
			if (choice.fromParameter()) {
				remember(response, Languages.COOKIE, choice.tag());
			}
			if (choice.digitsFromParameter()) {
				remember(response, Languages.DIGITS_COOKIE, choice.latinDigits() ? "latn" : "arab");
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				LocaleContextHolder.setLocale(previous);
				if (!response.isCommitted()) {
					// An answer reset on the way (a body too large) lost its headers.
					say(response, choice);
				}
			}
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			// The error page (a problem) is answered in the language too.
			return false;
		}

		private static void say(HttpServletResponse response, Languages.Choice choice) {
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, choice.tag());
		}

		private static void remember(HttpServletResponse response, String name, String value) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(name, value)
						.path("/")
						.maxAge(REMEMBERED)
						.httpOnly(true)
						.sameSite("Lax")
						.build()
						.toString());
		}

	}

}
