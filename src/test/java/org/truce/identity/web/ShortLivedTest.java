package org.truce.identity.web;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShortLivedTest {

	private final AtomicLong now = new AtomicLong(1_000);

	private final AtomicLong changes = new AtomicLong();

	private final AtomicInteger reads = new AtomicInteger();

	private ShortLived<String, String> keeping(Duration keep, int max) {
		return new ShortLived<>(keep, max, this.changes::get, this.now::get);
	}

	private String read(String key) {
		return key + "#" + this.reads.incrementAndGet();
	}

	@Test
	void keepsWhatWasReadForTheTimeGivenThenReadsAgain() {
		ShortLived<String, String> kept = keeping(Duration.ofSeconds(1), 10);

		assertThat(kept.get("a", this::read)).isEqualTo("a#1");
		this.now.addAndGet(999_999_999);
		assertThat(kept.get("a", this::read)).isEqualTo("a#1");
		this.now.addAndGet(1);
		assertThat(kept.get("a", this::read)).isEqualTo("a#2");
	}

	@Test
	void aChangeMakesEverythingKeptStaleEvenWhatWasBeingReadWhenItHappened() {
		ShortLived<String, String> kept = keeping(Duration.ofHours(1), 10);
		assertThat(kept.get("a", this::read)).isEqualTo("a#1");

		this.changes.incrementAndGet();
		assertThat(kept.get("a", this::read)).isEqualTo("a#2");

		// A change while the store is read: what was read may predate it, so it is
		// not given again.
		assertThat(kept.get("b", key -> {
			this.changes.incrementAndGet();
			return read(key);
		})).isEqualTo("b#3");
		assertThat(kept.get("b", this::read)).isEqualTo("b#4");
		assertThat(kept.get("b", this::read)).isEqualTo("b#4");
	}

	@Test
	void keepsNeitherNullsNorFailuresAndNothingAtAllForATimeOfZero() {
		ShortLived<String, String> kept = keeping(Duration.ofHours(1), 10);
		assertThat(kept.get("a", key -> null)).isNull();
		assertThatThrownBy(() -> kept.get("a", key -> {
			throw new IllegalStateException("refused");
		})).hasMessage("refused");
		assertThat(kept.get("a", this::read)).isEqualTo("a#1");

		ShortLived<String, String> none = keeping(Duration.ZERO, 10);
		assertThat(none.get("a", this::read)).isEqualTo("a#2");
		assertThat(none.get("a", this::read)).isEqualTo("a#3");
		assertThat(none.size()).isZero();
	}

	@Test
	void keepsAtMostTheGivenNumberOfKeys() {
		ShortLived<String, String> kept = keeping(Duration.ofHours(1), 3);
		for (int i = 0; i < 10; i++) {
			kept.get("k" + i, this::read);
			assertThat(kept.size()).isLessThanOrEqualTo(3);
		}
		assertThat(kept.get("k9", this::read)).isEqualTo("k9#10");
	}

}
