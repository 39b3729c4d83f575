package org.truce.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The browser tests' condition: run where the Chromium executable is, skip with the
 * reason where it is not, and fail there instead under {@code TRUCE_REQUIRE_BROWSER=1}.
 */
class ChromiumIsRequiredOnlyWhereCiSaysSoTest {

	@TempDir
	Path dir;

	@Test
	void anExecutableNamedByTruceChromiumEnablesTheBrowserTests() throws Exception {
		Path chromium = Files.createFile(this.dir.resolve("chromium"));
		assertThat(chromium.toFile().setExecutable(true)).isTrue();

		ConditionEvaluationResult result = Chromium
			.evaluate(Map.of("TRUCE_CHROMIUM", chromium.toString(), "TRUCE_REQUIRE_BROWSER", "1"));

		assertThat(result.isDisabled()).isFalse();
		assertThat(result.getReason()).get().asString().contains("Chromium at " + chromium);
	}

	@Test
	void withoutChromiumTheBrowserTestsAreSkippedWithTheReason() {
		Path missing = this.dir.resolve("no-chromium");

		ConditionEvaluationResult result = Chromium.evaluate(Map.of("TRUCE_CHROMIUM", missing.toString()));

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).get()
			.asString()
			.contains("browser test skipped: no Chromium executable at " + missing)
			.contains("set TRUCE_CHROMIUM");
	}

	@Test
	void withoutChromiumButRequiredTheBrowserTestsFail() {
		Path missing = this.dir.resolve("no-chromium");

		assertThatIllegalStateException()
			.isThrownBy(
					() -> Chromium.evaluate(Map.of("TRUCE_CHROMIUM", missing.toString(), "TRUCE_REQUIRE_BROWSER", "1")))
			.withMessageContaining("TRUCE_REQUIRE_BROWSER=1 but there is no Chromium executable at " + missing);
	}

	@Test
	void debiansChromiumIsTheDefault() {
		assertThat(Chromium.executable(Map.of())).isEqualTo(Path.of("/usr/bin/chromium"));
	}

}
