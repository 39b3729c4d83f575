package org.truce.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium, driven by Playwright, for a browser test class. Register it once per
 * class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Chromium chromium = new Chromium();
 * </pre>
 *
 * The class runs only when a Chromium executable is installed: {@code /usr/bin/chromium},
 * or the path in {@code TRUCE_CHROMIUM}. Otherwise its tests are reported as skipped,
 * with the reason; with {@code TRUCE_REQUIRE_BROWSER=1} the class fails instead. The
 * condition is evaluated before anything else starts (Spring included), so a skipped
 * class costs nothing. The browser is launched before the class's {@code @BeforeAll}
 * methods, headless and kept off the network, and closed after its {@code @AfterAll}
 * methods. Playwright is told not to download a browser of its own.
 */
public final class Chromium implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

	/**
	 * An init script ({@code BrowserContext#addInitScript}) that collects a page's
	 * Content Security Policy violations, as the browser reports them to the page itself,
	 * in {@code window.__violations}.
	 */
	public static final String WATCH_VIOLATIONS = """
			window.__violations = [];
			document.addEventListener('securitypolicyviolation', e =>
			    window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')
			        + ' at ' + e.sourceFile + ':' + e.lineNumber));
			""";

	private Playwright playwright;

	private Browser browser;

	/** The browser launched for the class. */
	public Browser browser() {
		if (this.browser == null) {
			throw new IllegalStateException("Chromium is launched only for a class it is registered on");
		}
		return this.browser;
	}

	/** A new browser context (cookies, storage) of its own; close it after use. */
	public BrowserContext newContext() {
		return browser().newContext();
	}

	/** A new browser context with these options; close it after use. */
	public BrowserContext newContext(Browser.NewContextOptions options) {
		return browser().newContext(options);
	}

	/**
	 * The errors that {@code page} throws or logs to its console from now on: a list that
	 * grows as they come.
	 */
	public static List<String> watchErrors(Page page) {
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		page.onPageError(errors::add);
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				errors.add(message.text());
			}
		});
		return errors;
	}

	/** The Chromium to drive: {@code TRUCE_CHROMIUM}, else Debian's. */
	public static Path executable() {
		return executable(System.getenv());
	}

	static Path executable(Map<String, String> env) {
		return Paths.get(env.getOrDefault("TRUCE_CHROMIUM", "/usr/bin/chromium"));
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return evaluate(System.getenv());
	}

	/**
	 * Enabled when the executable named by {@code env} is there; else disabled with the
	 * reason, or an {@link IllegalStateException} under {@code TRUCE_REQUIRE_BROWSER=1}.
	 */
	static ConditionEvaluationResult evaluate(Map<String, String> env) {
		Path chromium = executable(env);
		if (Files.isExecutable(chromium)) {
			return ConditionEvaluationResult.enabled("Chromium at " + chromium);
		}
		String problem = "no Chromium executable at " + chromium
				+ " (install Debian's chromium, or set TRUCE_CHROMIUM to its path)";
		if ("1".equals(env.get("TRUCE_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("TRUCE_REQUIRE_BROWSER=1 but there is " + problem);
		}
		return ConditionEvaluationResult.disabled("browser test skipped: " + problem);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		// No background networking, component updates or sync.
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.browser != null) {
				this.browser.close();
			}
		}
		finally {
			this.browser = null;
			if (this.playwright != null) {
				this.playwright.close();
				this.playwright = null;
			}
		}
	}

}
