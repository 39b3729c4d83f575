package org.truce.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

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
	/** Playwright, told not to download a browser of its own. */
	public static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	/**
	 * Debian's Chromium, headless, with the flags that keep it off the network: no
	 * background networking, component updates or sync.
	 */
	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

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
