package org.truce.report.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.truce.actor.model.NameKey;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventType#parse} looks types up in precomputed tables; it must agree with a
 * scan.
 */
class ReadingEventTypesTest {

	/** The plain reference: fold the text and scan every type in declaration order. */
	private static Optional<EventType> scan(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = NameKey.of(text.replace('_', ' '));
		return Arrays.stream(EventType.values())
			.filter(t -> NameKey.of(t.label()).equals(key) || NameKey.of(t.name().replace('_', ' ')).equals(key))
			.findFirst();
	}

	@Test
	void shouldReadEveryCodeLabelAndNameAsTheScanDoes() {
		List<String> texts = new ArrayList<>();
		for (EventType t : EventType.values()) {
			texts.addAll(List.of(t.code(), t.label(), t.name(), t.label().toUpperCase(Locale.ROOT),
					t.code().replace('_', '-'), " " + t.label() + " "));
		}
		for (String text : texts) {
			assertThat(EventType.parse(text)).as(text).isEqualTo(scan(text)).isPresent();
		}
	}

	@SlowTest
	@Test
	void shouldAgreeWithTheScanOnRandomText() {
		Random random = new Random(7);
		String alphabet = "abcdeilnorstuy_/- AIRSTK";
		for (int i = 0; i < 2_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(20);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertThat(EventType.parse(text.toString())).as(text.toString()).isEqualTo(scan(text.toString()));
		}
		assertThat(EventType.parse(null)).isEmpty();
		assertThat(EventType.parse("")).isEmpty();
	}

}
