package org.truce.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalProgressTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final PrintStream err = new PrintStream(this.bytes, true, StandardCharsets.UTF_8);

	@Test
	void withoutATerminalALineIsPrintedAtEveryTenthAndAtTheEnd() {
		TerminalProgress progress = new TerminalProgress(this.err, false, "UCDP");
		// The parser reads ahead: the bytes run out ten rows before the rows do.
		for (int i = 1; i <= 1000; i++) {
			progress.advanced(Math.min(1000, i + 10), 1000, i);
		}
		progress.done();

		String[] lines = this.bytes.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(11);
		assertThat(lines[0]).startsWith("UCDP  10% 90 rows, ");
		assertThat(lines[9]).startsWith("UCDP 100% 990 rows, ");
		assertThat(lines[10]).startsWith("UCDP 100% 1,000 rows, ");
		assertThat(this.bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
	}

	@Test
	void theLastLineIsNotRepeatedWhenNothingChanged() {
		TerminalProgress progress = new TerminalProgress(this.err, false, "UCDP");
		progress.advanced(1000, 1000, 7);
		progress.done();
		assertThat(this.bytes.toString(StandardCharsets.UTF_8).split("\n")).hasSize(1);
	}

	@Test
	void onATerminalTheBarIsRedrawnInPlaceAtMostTenTimesASecond() {
		TerminalProgress progress = new TerminalProgress(this.err, true, "ACLED");
		long start = System.nanoTime();
		for (int i = 1; i <= 200_000; i++) {
			progress.advanced(i, 200_000, i);
		}
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		progress.done();

		String text = this.bytes.toString(StandardCharsets.UTF_8);
		long redraws = text.chars().filter(c -> c == '\r').count();
		assertThat(redraws).isBetween(2L, elapsedMillis / 100 + 2);
		assertThat(text).contains("[##############################] ACLED 100% 200,000 rows, ").endsWith("\n");
	}

	@Test
	void anUnknownSizeShowsRowsWithoutAShare() {
		TerminalProgress progress = new TerminalProgress(this.err, false, "ACLED");
		progress.advanced(10, -1, 3);
		progress.done();
		assertThat(this.bytes.toString(StandardCharsets.UTF_8)).startsWith("ACLED    ? 3 rows, ");
	}

}
