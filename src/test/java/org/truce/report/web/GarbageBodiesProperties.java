package org.truce.report.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opentest4j.TestAbortedException;
import tools.jackson.databind.node.ObjectNode;

import org.truce.ledger.application.Ledger;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.Mutations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever bytes a client sends to {@code POST /api/reports}, the answer is never a
 * server error: either the report is accepted, or the refusal is problem+json with a
 * stable code, and a refused report changes neither the ledger nor the reports. Runs on
 * SQLite, and on PostgreSQL too when {@code TRUCE_TEST_PG_URL} is set.
 */
@SlowTest
class GarbageBodiesProperties {

	private static final List<RunningTruce> servers = new ArrayList<>();

	private static final List<Http> clients = new ArrayList<>();

	@BeforeContainer
	static void startServers() {
		servers.add(RunningTruce.sqlite(true));
		if (PostgresTestDatabase.configured() || "1".equals(System.getenv(PostgresTestDatabase.REQUIRE_VARIABLE))) {
			try {
				servers.add(RunningTruce.postgres(true));
			}
			catch (TestAbortedException ex) {
				// PostgreSQL is configured but unreachable and not required: SQLite only.
			}
		}
		for (RunningTruce server : servers) {
			server.bean(Sources.class).save(ReportFixture.ucdp());
			server.bean(Sources.class).save(ReportFixture.monitor());
			clients.add(server.http("monitor"));
		}
	}

	@AfterContainer
	static void stopServers() throws Exception {
		for (RunningTruce server : servers) {
			server.close();
		}
		servers.clear();
		clients.clear();
	}

	@Property(tries = 200)
	void aMutatedReportIsAcceptedOrRefusedWithAProblemNeverAServerError(@ForAll("mutatedReports") String body) {
		assertAnsweredWithoutServerError(body.getBytes(StandardCharsets.UTF_8));
	}

	@Property(tries = 200)
	void aReportWithAStrangeValueIsAcceptedOrRefusedWithAProblemNeverAServerError(
			@ForAll("reportsWithStrangeValues") String body) {
		assertAnsweredWithoutServerError(body.getBytes(StandardCharsets.UTF_8));
	}

	@Property(tries = 100)
	void randomBytesAreRefusedWithAProblem(@ForAll("randomBytes") byte[] body) {
		assertAnsweredWithoutServerError(body);
	}

	private static void assertAnsweredWithoutServerError(byte[] body) {
		for (int i = 0; i < clients.size(); i++) {
			Http http = clients.get(i);
			RunningTruce server = servers.get(i);
			long ledgerBefore = server.bean(Ledger.class).size();
			long reportsBefore = reports(server);
			Http.Response response = http.post("/api/reports", "application/json", body, false);

			Statistics.label("answer").collect(response.status() + " " + (response.isProblem() ? response.code() : ""));
			assertThat(response.status()).as("%s", response).isLessThan(500);
			if (response.status() == 201) {
				assertThat(response.contentType()).startsWith("application/json");
				assertThat(response.json().get("id").asString()).isNotBlank();
			}
			else {
				assertThat(response.status()).as("%s", response).isBetween(400, 499);
				assertThat(response.isProblem()).as("%s", response).isTrue();
				assertThat(response.code()).as("%s", response).isNotBlank();
				assertThat(server.bean(Ledger.class).size()).as("the ledger after a refusal").isEqualTo(ledgerBefore);
				assertThat(reports(server)).as("the reports after a refusal").isEqualTo(reportsBefore);
			}
		}
	}

	private static long reports(RunningTruce server) {
		return server.jdbc().sql("SELECT count(*) FROM reports").query(Long.class).single();
	}

	// ---------------------------------------------------------------- arbitraries

	private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u0000", "\\ud800",
			"null", "true", "1e999", "-0", "NaN", "/*", "\u0000", "\u202e", "é", "𝄞", " ", "\n", "{\"a\":", "]]]]",
			"\"eventType\":", "\"where\":{\"latitude\":", "99999999999999999999");

	@Provide
	Arbitrary<String> mutatedReports() {
		Arbitrary<String> base = Arbitraries.of(ReportDrafts.convoyStrike().toString(),
				ReportDrafts.minimal("armed_clash", "2016-09-19", 36.2, 37.1).toString());
		Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Mutations.printable(5),
				Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
		return Combinators.combine(base, Mutations.edits(token, 40, 6)).as((text, edits) -> edits.apply(text));
	}

	private static final List<String> PATHS = List.of("eventType", "when", "when.start", "when.end", "when.precision",
			"where", "where.latitude", "where.longitude", "where.precision", "where.uncertaintyMetres",
			"where.placeName", "where.admin1", "actor", "target", "casualties", "casualties.total",
			"casualties.total.best", "casualties.civilians.low", "narrative", "source", "externalId", "attachments",
			"attachments.sha256", "extra");

	private static final List<String> VALUES = List.of("null", "\"\"", "\" \"", "0", "-0", "1e308", "-1e308", "1e400",
			"4.9e-324", "2147483648", "-2147483649", "9223372036854775808", "true", "[]", "{}", "[null]", "[{}]",
			"\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\u202eevil\"", "\"2016-02-30\"",
			"\"2016-09-19T25:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
			"\"2016-09-19T12:00:00+18:00\"", "\"2016-09-19T12:00:00\"", "\"1999-12-31\"", "\"9999-12-31\"",
			"\"0000-01-01\"", "\"country\"", "\"SURVEYED\"", "\"exact\"", "\"year\"", "\"Air/drone strike\"",
			"\"ucdp-ged\"", "\"nobody\"", "\"Russia\"", "{\"low\":-1}", "{\"best\":1,\"low\":5}",
			"{\"best\":2147483647,\"high\":2147483647}", "\"" + "x".repeat(600) + "\"",
			"\"" + "x".repeat(20_001) + "\"", "[" + "[".repeat(2_000) + "]".repeat(2_000) + "]",
			"{\"sha256\":\"" + "a".repeat(64) + "\",\"mediaType\":\"image/png\"}",
			"[{\"sha256\":\"" + "a".repeat(64) + "\",\"mediaType\":\"image/png\"}]", "[" + "{},".repeat(60) + "{}]");

	@Provide
	Arbitrary<String> reportsWithStrangeValues() {
		Arbitrary<List<String[]>> changes = Combinators.combine(Arbitraries.of(PATHS), Arbitraries.of(VALUES))
			.as((path, value) -> new String[] { path, value })
			.list()
			.ofMinSize(1)
			.ofMaxSize(4);
		return changes.map(list -> {
			ObjectNode draft = ReportDrafts.convoyStrike();
			for (String[] change : list) {
				try {
					draft = ReportDrafts.with(draft, change[0], change[1]);
				}
				catch (RuntimeException ex) {
					// A value the test's own parser refuses (e.g. deep nesting): send it
					// raw.
					return draft.toString().replaceFirst("\\{", "{\"" + change[0] + "\":" + change[1] + ",");
				}
			}
			return draft.toString();
		});
	}

	@Provide
	Arbitrary<byte[]> randomBytes() {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
	}

}
