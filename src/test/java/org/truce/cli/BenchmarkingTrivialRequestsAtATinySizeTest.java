package org.truce.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.truce.bench.bare.BareSpringBoot;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code truce bench --suite trivial} at a tiny size. It checks that every kind of
 * request was answered 200 and that the figures and ratios come out, never how fast
 * anything was; and that the bare baseline is bare: none of Truce's beans.
 */
@SlowTest
class BenchmarkingTrivialRequestsAtATinySizeTest {

	private static final String NUMBER = "[0-9]+(\\.[0-9]+)?";

	@Test
	void printsTheRateOfEachKindOfRequestAndItsRatioToTheBareApp(@TempDir Path work) {
		StringWriter text = new StringWriter();
		CommandLine command = new CommandLine(new TruceMain());
		command.setOut(new PrintWriter(text, true));
		int exit = command.execute("bench", "--suite", "trivial", "--work", work.toString(), "--clients", "2",
				"--warmup", "0", "--duration", "1", "--rounds", "2");
		String out = text.toString();

		assertThat(exit).as(out).isZero();
		for (String kind : new String[] { "bare GET /items \\(30-item list\\)", "bare POST /echo \\(small JSON\\)",
				"truce GET /api/event-types \\(token\\)", "truce GET /api/event-types \\(anonymous\\)",
				"truce GET /api/reports/\\{id\\} \\(token\\)", "truce GET /actuator/health \\(anonymous\\)" }) {
			assertThat(out).as(out)
				.containsPattern(kind + " +answers 200 with [1-9][0-9]* bytes of application/json")
				.containsPattern(kind + " +" + NUMBER + " req/s  p50 +" + NUMBER + " ms  p99 +" + NUMBER + " ms  cpu +"
						+ NUMBER + " us/req  \\{200=[1-9][0-9]*\\}\n")
				.containsPattern(kind + " +" + NUMBER + " req/s +" + NUMBER + " us/req  rate " + NUMBER + "x  cpu "
						+ NUMBER + "x");
		}
		assertThat(out).contains("round 2")
			.containsPattern("goal: Truce's trivial reads \\(event types, a report by id\\) at least half the bare"
					+ " app's rate: (met|missed) \\(the lowest is " + NUMBER + "x\\)");
	}

	@Test
	void theBareAppHasNoneOfTrucesBeansAndAnswersItsList() throws Exception {
		try (ConfigurableApplicationContext bare = BareSpringBoot.start()) {
			assertThat(bare.getBeanNamesForType(DataSource.class)).isEmpty();
			assertThat(bare.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
			assertThat(bare.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
			assertThat(bare.getBeanDefinitionNames()).hasSizeGreaterThan(10).allSatisfy(name -> {
				Class<?> type = bare.getType(name);
				String of = type == null ? "" : type.getName();
				assertThat(!of.startsWith("org.truce.") || of.startsWith("org.truce.bench.bare.")).as(name + ": " + of)
					.isTrue();
			});

			HttpResponse<String> list = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BareSpringBoot.port(bare) + "/items"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body().split("\"code\"", -1)).hasSize(31);
			// Spring Boot's defaults, not Truce's application.properties (which hides
			// nulls).
			assertThat(bare.getEnvironment().getProperty("spring.jackson.default-property-inclusion")).isNull();
		}
	}

}
