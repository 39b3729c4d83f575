package org.truce.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of an answer, over HTTP: chosen by {@code ?lang=}, then the switcher's
 * cookie, then Accept-Language, then English; said in {@code Content-Language} on pages,
 * API answers and problems alike; a language Truce does not have falls back to English
 * and the page says so.
 */
class TheLanguageIsChosenAndSaidTest {

	private static RunningTruce truce;

	private final HttpClient client = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true, java.util.Map.of());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void anUnsupportedLanguageFallsBackToEnglishAndThePageSaysSo() throws Exception {
		HttpResponse<String> page = get("/login?lang=xx", "Accept-Language", "ar");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(page.body()).contains("<html lang=\"en\" dir=\"ltr\"")
			.contains("id=\"language-fallback\"")
			.contains("Truce is not available in the language asked for (xx); this page is in English.");
		assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Languages.COOKIE + "="));
	}

	@Test
	void acceptLanguageArabicGivesAnArabicPageRightToLeft() throws Exception {
		HttpResponse<String> page = get("/login", "Accept-Language", "ar-SY,ar;q=0.9,en;q=0.5");

		assertThat(page.headers().firstValue("Content-Language")).hasValue("ar");
		assertThat(page.body()).contains("<html lang=\"ar\" dir=\"rtl\"")
			.contains("تسجيل الدخول")
			.doesNotContain("id=\"language-fallback\"");
	}

	@Test
	void aBrowserInAnotherLanguageOnlyIsAnsweredInEnglishWithTheNotice() throws Exception {
		HttpResponse<String> page = get("/login", "Accept-Language", "de-DE,de;q=0.9");

		assertThat(page.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(page.body()).contains("(de-DE); this page is in English.");
	}

	@Test
	void theSwitchersChoiceIsRememberedOverAcceptLanguage() throws Exception {
		HttpResponse<String> chosen = get("/login?lang=ru", "Accept-Language", "en");
		String cookie = chosen.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(Languages.COOKIE + "=ru"))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("Path=/").contains("Max-Age=").contains("SameSite=Lax");
		assertThat(chosen.headers().firstValue("Content-Language")).hasValue("ru");

		HttpResponse<String> later = get("/login", "Accept-Language", "en", "Cookie", Languages.COOKIE + "=ru");
		assertThat(later.headers().firstValue("Content-Language")).hasValue("ru");
		assertThat(later.body()).contains("<html lang=\"ru\" dir=\"ltr\"").contains("Войти");

		HttpResponse<String> parameterWins = get("/login?lang=en", "Cookie", Languages.COOKIE + "=ru");
		assertThat(parameterWins.headers().firstValue("Content-Language")).hasValue("en");
	}

	@Test
	void apiAnswersAndProblemsSayTheirLanguageToo() throws Exception {
		HttpResponse<String> list = get("/api/event-types?lang=ru");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Content-Language")).hasValue("ru");

		HttpResponse<String> problem = get("/api/sources", "Accept-Language", "ar");
		assertThat(problem.statusCode()).isEqualTo(401);
		assertThat(problem.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(problem.headers().firstValue("Content-Language")).hasValue("ar");

		HttpResponse<String> unknown = get("/api/no-such-thing?lang=zz");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(unknown.body()).contains("\"code\"");
	}

	@Test
	void latinDigitsAreChosenAndRememberedForArabic() throws Exception {
		HttpResponse<String> arabic = get("/login?lang=ar");
		assertThat(arabic.body()).contains("data-digits=\"arab\"").contains("id=\"digits-switch\"");

		HttpResponse<String> latin = get("/login?lang=ar&digits=latn");
		assertThat(latin.body()).contains("data-digits=\"latn\"");
		assertThat(latin.headers().allValues("Set-Cookie"))
			.anyMatch(c -> c.startsWith(Languages.DIGITS_COOKIE + "=latn"));

		HttpResponse<String> remembered = get("/login", "Cookie",
				Languages.COOKIE + "=ar; " + Languages.DIGITS_COOKIE + "=latn");
		assertThat(remembered.body()).contains("<html lang=\"ar\" dir=\"rtl\"").contains("data-digits=\"latn\"");
	}

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(truce.baseUri() + path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
