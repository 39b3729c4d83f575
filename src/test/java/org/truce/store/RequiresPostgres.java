package org.truce.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when {@code TRUCE_TEST_PG_URL} names a reachable PostgreSQL;
 * otherwise its tests are reported as skipped, with the reason. With
 * {@code TRUCE_REQUIRE_PG=1} a missing or unreachable database fails the class instead.
 * Evaluated before Spring starts, so a skipped class costs nothing.
 */
public final class RequiresPostgres implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String url = System.getenv("TRUCE_TEST_PG_URL");
		String problem = null;
		if (url == null || url.isBlank()) {
			problem = "TRUCE_TEST_PG_URL is not set; set it to a PostGIS database, e.g."
					+ " jdbc:postgresql://127.0.0.1:5432/truce_test?user=postgres, to run the PostgreSQL tests";
		}
		else {
			try (Connection c = DriverManager.getConnection(url)) {
				return ConditionEvaluationResult.enabled("PostgreSQL at TRUCE_TEST_PG_URL is reachable");
			}
			catch (SQLException ex) {
				problem = "PostgreSQL at TRUCE_TEST_PG_URL is unreachable: " + ex.getMessage();
			}
		}
		if ("1".equals(System.getenv("TRUCE_REQUIRE_PG"))) {
			throw new IllegalStateException("TRUCE_REQUIRE_PG=1 but " + problem);
		}
		return ConditionEvaluationResult.disabled(problem);
	}

}
