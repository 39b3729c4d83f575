package org.truce.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.testing.PostgresTest;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins sent alternately to two instances on one PostgreSQL schema lock the
 * account at the same count as on one instance, and the lock holds on both. Skipped
 * unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class FailedSignInsAreCountedAcrossInstancesTest {

	private static final int LIMIT = 4;

	@TempDir
	Path data;

	@Test
	void failuresSplitAcrossTwoInstancesLockTheAccountAtTheLimit() throws Exception {
		Map<String, Object> limit = Map.of("truce.security.sign-in.account-failures", String.valueOf(LIMIT));
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
				RunningTruce a = RunningTruce.postgresOn(schema, this.data, true, limit);
				RunningTruce b = RunningTruce.postgresOn(schema, this.data, true, limit)) {
			a.user("analyst-z", "monitor");
			List<RunningTruce> alternate = List.of(a, b);
			TwoInstancesBrowser browser = new TwoInstancesBrowser();
			for (int i = 0; i < LIMIT; i++) {
				RunningTruce on = alternate.get(i % 2);
				HttpResponse<String> failed = browser.signIn(on, on, "analyst-z", "not the password " + i);
				assertThat(failed.headers().firstValue("Location"))
					.as("failure %d, on %s, is counted but not yet refused", i + 1, on)
					.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
			}
			for (RunningTruce on : alternate) {
				HttpResponse<String> locked = browser.signIn(on, on, "analyst-z", RunningTruce.PASSWORD);
				assertThat(locked.headers().firstValue("Location")).as("the right password on %s", on)
					.hasValueSatisfying(l -> assertThat(l).contains("locked="));
				assertThat(browser.get(on, "/api/me").statusCode()).isEqualTo(401);
			}
		}
	}

	@Test
	void oneFailureShortOfTheLimitOnEitherInstanceStillLetsTheRightPasswordIn() throws Exception {
		Map<String, Object> limit = Map.of("truce.security.sign-in.account-failures", String.valueOf(LIMIT));
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
				RunningTruce a = RunningTruce.postgresOn(schema, this.data, true, limit);
				RunningTruce b = RunningTruce.postgresOn(schema, this.data, true, limit)) {
			a.user("analyst-w", "monitor");
			TwoInstancesBrowser browser = new TwoInstancesBrowser();
			for (int i = 0; i < LIMIT - 1; i++) {
				RunningTruce on = i % 2 == 0 ? b : a;
				browser.signIn(on, on, "analyst-w", "not the password " + i);
			}
			assertThat(a.jdbc()
				.sql("SELECT count(*) FROM attempt_failures WHERE kind = 'account' AND attempt_key = 'analyst-w'")
				.query(Long.class)
				.single()).isEqualTo(LIMIT - 1);
			HttpResponse<String> signedIn = browser.signIn(b, b, "analyst-w", RunningTruce.PASSWORD);
			assertThat(signedIn.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).doesNotContain("locked").doesNotContain("error"));
			assertThat(browser.get(a, "/api/me").statusCode()).isEqualTo(200);
			assertThat(a.jdbc()
				.sql("SELECT count(*) FROM attempt_failures WHERE kind = 'account' AND attempt_key = 'analyst-w'")
				.query(Long.class)
				.single()).as("a sign-in clears the account's failures").isZero();
		}
	}

}
