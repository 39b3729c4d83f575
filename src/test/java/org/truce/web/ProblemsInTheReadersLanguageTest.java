package org.truce.web;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bad request asked in English, Arabic and Russian is refused alike (status,
 * code, field, and each error's code and field), with its title and every detail in the
 * reader's language, which {@code Content-Language} names: by a controller, by the
 * handler of a request no controller maps, by a security filter, and by the batch, whose
 * refused items carry their own problems. A language Truce does not speak is answered in
 * English.
 */
class ProblemsInTheReadersLanguageTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ARABIC = Pattern.compile("[\\u0600-\\u06FF]");

	private static final Pattern CYRILLIC = Pattern.compile("[\\u0400-\\u04FF]");

	private static final String INCOMPLETE_REPORT = """
			{"eventType": "armed_clash", "when": {"start": "2016-10-21", "end": "2016-10-20"},
			 "where": {"latitude": 95, "longitude": 37.15}, "source": "monitors"}""";

	private static RunningTruce truce;

	private static String monitor;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		monitor = truce.token("monitor");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aRefusedReportIsExplainedInTheReadersLanguageWithTheSameCodesAndFields() throws Exception {
		Map<String, HttpResponse<String>> answers = askInEachLanguage(
				language -> post("/api/reports", INCOMPLETE_REPORT, language, monitor));

		HttpResponse<String> english = answers.get("en");
		assertThat(english.statusCode()).isEqualTo(422);
		JsonNode en = JSON.readTree(english.body());
		assertThat(en.get("title").asString()).isEqualTo("Unprocessable Content");
		assertThat(details(en)).contains("Latitude must be between -90 and 90 degrees.",
				"The end of the interval is before its start.");
		assertSameRefusal(answers);
		assertWrittenIn(answers);
	}

	@Test
	void aPathNoControllerMapsIsNotFoundInTheReadersLanguageWithThePathVerbatim() throws Exception {
		Map<String, HttpResponse<String>> answers = askInEachLanguage(
				language -> get("/api/nothing-here", language, monitor));

		assertThat(answers.get("en").statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(answers.get("en").body()).get("detail").asString())
			.isEqualTo("Nothing is found at /api/nothing-here.");
		assertSameRefusal(answers);
		assertWrittenIn(answers);
		for (HttpResponse<String> answer : answers.values()) {
			assertThat(JSON.readTree(answer.body()).get("detail").asString()).contains("/api/nothing-here");
		}
	}

	@Test
	void aSecurityFilterRefusesInTheReadersLanguage() throws Exception {
		Map<String, HttpResponse<String>> answers = askInEachLanguage(language -> get("/api/me", language, null));

		assertThat(answers.get("en").statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(answers.get("en").body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
		assertSameRefusal(answers);
		assertWrittenIn(answers);
	}

	@Test
	void theRefusedItemsOfABatchAreExplainedInTheReadersLanguage() throws Exception {
		String batch = "[" + INCOMPLETE_REPORT + "]";
		Map<String, HttpResponse<String>> answers = askInEachLanguage(
				language -> post("/api/reports/batch", batch, language, monitor));

		JsonNode en = JSON.readTree(answers.get("en").body()).get("items").get(0).get("problem");
		for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
			assertThat(answer.getValue().statusCode()).isEqualTo(200);
			assertThat(answer.getValue().headers().allValues("Content-Language")).containsExactly(answer.getKey());
			JsonNode problem = JSON.readTree(answer.getValue().body()).get("items").get(0).get("problem");
			assertThat(problem.get("code")).isEqualTo(en.get("code"));
			assertThat(machine(problem)).isEqualTo(machine(en)).isNotEmpty();
			assertScript(answer.getKey(), problem.get("title").asString());
			for (String detail : details(problem)) {
				assertScript(answer.getKey(), detail);
			}
		}
	}

	@Test
	void aLanguageTruceDoesNotSpeakIsAnsweredInEnglish() throws Exception {
		HttpResponse<String> french = get("/api/nothing-here", "fr-FR", monitor);
		HttpResponse<String> arabic = get("/api/nothing-here", "ar-SY,ar;q=0.9", monitor);

		assertThat(french.headers().firstValue("Content-Language")).hasValue("en");
		assertThat(JSON.readTree(french.body()).get("detail").asString())
			.isEqualTo("Nothing is found at /api/nothing-here.");
		assertThat(arabic.headers().firstValue("Content-Language")).hasValue("ar");
	}

	private Map<String, HttpResponse<String>> askInEachLanguage(Ask ask) throws Exception {
		Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
		for (String language : List.of("en", "ar", "ru")) {
			answers.put(language, ask.in(language));
		}
		return answers;
	}

	/** Everything but the prose is the same in every language. */
	private static void assertSameRefusal(Map<String, HttpResponse<String>> answers) {
		JsonNode en = JSON.readTree(answers.get("en").body());
		for (HttpResponse<String> answer : answers.values()) {
			assertThat(answer.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(answer.statusCode()).isEqualTo(answers.get("en").statusCode());
			JsonNode other = JSON.readTree(answer.body());
			assertThat(other.get("status")).isEqualTo(en.get("status"));
			assertThat(other.get("type")).isEqualTo(en.get("type"));
			assertThat(other.get("code")).isEqualTo(en.get("code"));
			assertThat(other.get("field")).isEqualTo(en.get("field"));
			assertThat(machine(other)).isEqualTo(machine(en));
		}
	}

	private static void assertWrittenIn(Map<String, HttpResponse<String>> answers) {
		for (Map.Entry<String, HttpResponse<String>> answer : answers.entrySet()) {
			assertThat(answer.getValue().headers().allValues("Content-Language")).containsExactly(answer.getKey());
			JsonNode body = JSON.readTree(answer.getValue().body());
			assertScript(answer.getKey(), body.get("title").asString());
			for (String detail : details(body)) {
				assertScript(answer.getKey(), detail);
			}
		}
	}

	private static void assertScript(String language, String text) {
		switch (language) {
			case "ar" -> assertThat(text).containsPattern(ARABIC).doesNotContainPattern(CYRILLIC);
			case "ru" -> assertThat(text).containsPattern(CYRILLIC).doesNotContainPattern(ARABIC);
			default -> assertThat(text).doesNotContainPattern(ARABIC).doesNotContainPattern(CYRILLIC);
		}
	}

	/** The detail and every error's detail. */
	private static List<String> details(JsonNode problem) {
		List<String> details = new ArrayList<>();
		details.add(problem.get("detail").asString());
		if (problem.has("errors")) {
			problem.get("errors").forEach(e -> details.add(e.get("detail").asString()));
		}
		return details;
	}

	/** The errors' codes and fields, without their prose. */
	private static List<String> machine(JsonNode problem) {
		List<String> out = new ArrayList<>();
		if (problem.has("errors")) {
			problem.get("errors").forEach(e -> out.add(e.get("code").asString() + " " + e.path("field").asString("")));
		}
		return out;
	}

	private HttpResponse<String> get(String path, String language, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(truce.baseUri().resolve(path))
			.header("Accept-Language", language)
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String path, String json, String language, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(truce.baseUri().resolve(path))
			.header("Accept-Language", language)
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@FunctionalInterface
	private interface Ask {

		HttpResponse<String> in(String language) throws Exception;

	}

}
