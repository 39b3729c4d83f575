package org.truce.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only when a Chromium executable is installed: Debian's
 * {@code /usr/bin/chromium}, or the path in {@code TRUCE_CHROMIUM}. Otherwise its tests
 * are reported as skipped, with the reason; with {@code TRUCE_REQUIRE_BROWSER=1} the
 * class fails instead. Evaluated before Spring starts, so a skipped class costs nothing.
 */
public final class RequiresChromium implements ExecutionCondition {

	/** The Chromium to drive. */
	public static Path executable() {
		return Paths.get(System.getenv().getOrDefault("TRUCE_CHROMIUM", "/usr/bin/chromium"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Path chromium = executable();
		if (Files.isExecutable(chromium)) {
			return ConditionEvaluationResult.enabled("Chromium at " + chromium);
		}
		String problem = "no Chromium executable at " + chromium
				+ " (install Debian's chromium, or set TRUCE_CHROMIUM to its path)";
		if ("1".equals(System.getenv("TRUCE_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("TRUCE_REQUIRE_BROWSER=1 but there is " + problem);
		}
		return ConditionEvaluationResult.disabled("browser test skipped: " + problem);
	}

}
