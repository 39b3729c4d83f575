package org.truce.report.infrastructure;

import java.util.Random;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.truce.report.model.Casualties;
import org.truce.report.model.Estimate;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reader of the casualties column must read what data binding reads. */
class ReadingStoredCasualtiesTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldReadRandomCasualtiesAsDataBindingDoes() {
		Random random = new Random(11);
		for (int i = 0; i < 5_000; i++) {
			Casualties written = new Casualties(estimate(random), estimate(random), estimate(random), estimate(random),
					estimate(random));
			String text = this.json.writeValueAsString(written);
			assertThat(CasualtiesJson.read(this.json, text)).as(text)
				.isEqualTo(this.json.readValue(text, Casualties.class))
				.isEqualTo(written);
		}
	}

	@Test
	void shouldReadNoCasualtiesFromANullColumn() {
		assertThat(CasualtiesJson.read(this.json, null)).isEqualTo(Casualties.NONE);
		assertThat(CasualtiesJson.read(this.json, this.json.writeValueAsString(Casualties.NONE)))
			.isEqualTo(Casualties.NONE);
	}

	private static Estimate estimate(Random random) {
		if (random.nextInt(3) == 0) {
			return null;
		}
		return new Estimate(count(random), count(random), count(random));
	}

	private static Integer count(Random random) {
		return switch (random.nextInt(4)) {
			case 0 -> null;
			case 1 -> -random.nextInt(5);
			default -> random.nextInt(Integer.MAX_VALUE);
		};
	}

}
